package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A position in the event-time order in which flows read transactions: the last transaction of the
 * batches a run has finished.
 */
public record Checkpoint(Instant eventTime, TransactionId transactionId)
    implements Comparable<Checkpoint> {
  public Checkpoint {
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(transactionId, "transactionId");
  }

  public static Checkpoint of(Transaction t) {
    return new Checkpoint(t.timestamp(), t.id());
  }

  /**
   * Whether {@code t} is certainly done: it happened before this position's millisecond. Those of
   * the same millisecond are done again, since the store's order of ids (its collation) need not be
   * Java's; doing one again stores nothing new.
   */
  public boolean covers(Transaction t) {
    return t.timestamp().isBefore(eventTime);
  }

  /** Orders by event time only, for the reason given at {@link #covers}. */
  @Override
  public int compareTo(Checkpoint o) {
    return eventTime.compareTo(o.eventTime);
  }
}

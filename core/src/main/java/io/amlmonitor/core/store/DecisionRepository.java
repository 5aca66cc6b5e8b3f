package io.amlmonitor.core.store;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where decisions are kept, one per transaction: the first decision about a transaction is the one
 * that counted, so saving another for the same transaction keeps the first.
 */
public interface DecisionRepository {
  /**
   * Stores the decisions whose transactions have none yet.
   *
   * @return how many were new
   */
  int saveAll(List<DecisionRecord> batch);

  /**
   * Stores the decisions whose transactions have none yet and the alerts raised with them (an alert
   * whose transaction has one already is skipped), all in one transaction: a decision is never kept
   * without its alert.
   *
   * @return how many decisions were new
   */
  int saveAll(List<DecisionRecord> decisions, List<Alert> alerts);

  /**
   * The transactions received ({@link TransactionRepository#forEachReceivedSince}) at or after
   * {@code from} that have no decision: after a crash, those whose decision was still on its way.
   */
  Set<TransactionId> undecidedReceivedSince(Instant from);

  /** When the newest decision was made, or empty when there is none. */
  Optional<Instant> latestCreatedAt();

  /** Stores {@code decision} unless its transaction has one; true when it was new. */
  default boolean save(DecisionRecord decision) {
    return saveAll(List.of(decision)) == 1;
  }

  Optional<DecisionRecord> find(TransactionId transactionId);

  /**
   * Streams every decision made ({@code createdAt}) in {@code created}, oldest first (ties by
   * transaction id), without holding them all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEachCreatedIn(TimeRange created, Consumer<? super DecisionRecord> action);

  long count();
}

package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The durable record of every accepted transaction, keyed by {@code transaction_id}: storing one
 * again adds nothing, so a retried or re-imported batch is harmless.
 */
public interface TransactionRepository {
  /**
   * Stores the transactions whose ids are not stored yet, in one go; a repeated id, in the batch or
   * already stored, is skipped.
   *
   * @return how many were new
   */
  int saveAll(List<Transaction> batch);

  /** Stores {@code t} unless its id is stored; true when it was new. */
  default boolean save(Transaction t) {
    return saveAll(List.of(t)) == 1;
  }

  Optional<Transaction> find(TransactionId id);

  /**
   * Streams every transaction whose event time is at or after {@code from}, in event-time order
   * (ties by id), without holding them all in memory: how feature state is rebuilt after a restart.
   *
   * @return how many were passed to {@code action}
   */
  long forEachSince(Instant from, Consumer<? super Transaction> action);

  /**
   * Streams every transaction whose event time lies in {@code eventTime}, in event-time order (ties
   * by id), without holding them all in memory: how the history is exported.
   *
   * @return how many were passed to {@code action}
   */
  long forEachIn(TimeRange eventTime, Consumer<? super Transaction> action);

  /**
   * Streams every transaction the store received at or after {@code from} (by the store's own clock
   * at insert), in event-time order (ties by id): what a restart replays into feature state that
   * lives outside the process and was complete up to {@code from}.
   *
   * @return how many were passed to {@code action}
   */
  long forEachReceivedSince(Instant from, Consumer<? super Transaction> action);

  long count();

  /** How many transactions have their event time in {@code eventTime}. */
  long countIn(TimeRange eventTime);
}

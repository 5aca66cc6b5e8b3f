package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import java.util.List;
import java.util.Optional;
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

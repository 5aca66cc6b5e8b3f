package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.TransactionId;
import java.util.List;
import java.util.Optional;

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

  long count();
}

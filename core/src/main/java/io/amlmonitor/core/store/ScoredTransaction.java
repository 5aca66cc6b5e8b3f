package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.Transaction;
import java.util.Objects;

/** A stored transaction with the decision made about it. */
public record ScoredTransaction(Transaction transaction, DecisionRecord decision) {
  public ScoredTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(decision, "decision");
    if (!transaction.id().equals(decision.transactionId())) {
      throw new IllegalArgumentException(
          "decision on " + decision.transactionId() + " paired with " + transaction.id());
    }
  }
}

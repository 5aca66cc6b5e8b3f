package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Checks;
import io.amlmonitor.core.domain.Transaction;

/**
 * A transaction with its ground truth: the typology it takes part in, {@link Typology#NONE} when it
 * is ordinary behaviour.
 */
public record LabelledTransaction(Transaction transaction, Typology typology) {
  public LabelledTransaction {
    Checks.required("transaction", transaction);
    Checks.required("typology", typology);
  }

  /** Whether the transaction is part of a laundering episode. */
  public boolean isLaundering() {
    return typology.isLaundering();
  }
}

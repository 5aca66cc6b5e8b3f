package io.amlmonitor.core.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Analysts' verdicts as training labels, by transaction id: an alert closed with a
 * suspicious-activity report (the workflow's true positive) is laundering, one closed as a false
 * positive is not. When a transaction has several verdicts the latest closing wins.
 */
public final class FeedbackLabels {
  private final Map<String, AlertDisposition> latest = new HashMap<>();

  /** Adds one verdict; an earlier one on the same transaction is replaced. */
  public void add(AlertDisposition d) {
    Objects.requireNonNull(d, "disposition");
    latest.merge(
        d.transactionId().value(),
        d,
        (old, now) -> now.closedAt().isBefore(old.closedAt()) ? old : now);
  }

  /** The label of transaction {@code transactionId}, if an analyst gave one. */
  public Optional<Boolean> label(String transactionId) {
    AlertDisposition d = latest.get(transactionId);
    return d == null
        ? Optional.empty()
        : Optional.of(d.disposition() == AlertDisposition.Outcome.SAR);
  }

  /** Transactions with a verdict. */
  public int size() {
    return latest.size();
  }

  /** Transactions whose verdict is laundering (closed with a SAR). */
  public int positives() {
    return (int)
        latest.values().stream()
            .filter(d -> d.disposition() == AlertDisposition.Outcome.SAR)
            .count();
  }

  public boolean isEmpty() {
    return latest.isEmpty();
  }
}

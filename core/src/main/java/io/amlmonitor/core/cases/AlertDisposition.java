package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TransactionId;
import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's verdict on one alert, given by closing its case: the label the next model learns
 * from.
 *
 * @param closedAt when the case was closed
 */
public record AlertDisposition(
    String alertId,
    TransactionId transactionId,
    CustomerId customerId,
    Outcome disposition,
    Instant closedAt,
    CaseId caseId) {

  /** What the closing decided. */
  public enum Outcome {
    /** Closed as CLOSED_FALSE_POSITIVE: nothing suspicious. */
    FALSE_POSITIVE,
    /** Closed as CLOSED_SAR: reported as suspicious activity. */
    SAR;

    /**
     * The outcome a closed status stands for.
     *
     * @throws IllegalArgumentException when {@code status} is not closed
     */
    public static Outcome of(CaseStatus status) {
      return switch (status) {
        case CLOSED_FALSE_POSITIVE -> FALSE_POSITIVE;
        case CLOSED_SAR -> SAR;
        default -> throw new IllegalArgumentException(status + " is not a closed status");
      };
    }
  }

  public AlertDisposition {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(caseId, "caseId");
  }
}

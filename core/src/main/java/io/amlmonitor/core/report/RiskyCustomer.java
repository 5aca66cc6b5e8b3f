package io.amlmonitor.core.report;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer among the riskiest of a report: the latest rating the customer_risk flow gave, and the
 * customer's alerts in the report's period.
 *
 * @param rating the latest rating, null when the customer was never rated (or is not in the KYC
 *     data)
 * @param ratedAt when that rating was decided, null with it
 * @param reasons the rating's reasons, strongest first; empty without a rating
 * @param alerts the customer's alerts in the period
 * @param highestAlertScore the highest risk score among those alerts, 0 without any
 */
public record RiskyCustomer(
    CustomerId customerId,
    RiskLevel rating,
    Instant ratedAt,
    List<String> reasons,
    long alerts,
    double highestAlertScore) {
  public RiskyCustomer {
    Objects.requireNonNull(customerId, "customerId");
    reasons = List.copyOf(reasons);
    if (alerts < 0) {
      throw new IllegalArgumentException("alerts must not be negative, was " + alerts);
    }
    if (!(highestAlertScore >= 0 && highestAlertScore <= 1)) {
      throw new IllegalArgumentException(
          "highestAlertScore must be in [0, 1], was " + highestAlertScore);
    }
  }
}

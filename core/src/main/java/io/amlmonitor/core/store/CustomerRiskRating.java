package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's risk rating as decided at one moment, with the reasons an analyst can read.
 *
 * @param ratedAt when the rating was decided
 */
public record CustomerRiskRating(
    CustomerId customerId, RiskLevel rating, List<String> reasons, Instant ratedAt) {
  public CustomerRiskRating {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(ratedAt, "ratedAt");
    reasons = List.copyOf(reasons);
  }
}

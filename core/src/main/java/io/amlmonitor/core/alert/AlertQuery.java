package io.amlmonitor.core.alert;

import io.amlmonitor.core.scoring.RiskLevel;

/**
 * Which alerts to list: newest first, optionally one customer's or one level's.
 *
 * @param customerId only this customer's, or null for all
 * @param riskLevel only this level, or null for all
 * @param limit at most this many, 1–1000
 */
public record AlertQuery(String customerId, RiskLevel riskLevel, int limit) {
  public AlertQuery {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
  }

  public static AlertQuery latest(int limit) {
    return new AlertQuery(null, null, limit);
  }

  boolean matches(Alert a) {
    return (customerId == null || a.customerId().value().equals(customerId))
        && (riskLevel == null || a.riskLevel() == riskLevel);
  }
}

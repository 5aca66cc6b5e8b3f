package io.amlmonitor.core.scoring;

/** The band a risk score falls in; see {@link RiskThresholds}. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH
}

package io.amlmonitor.core.feature;

/** How a feature's value is typed in JSON and in rule conditions. */
public enum ValueType {
  /** A whole number (counts); an integer in JSON and an {@code int} in rules. */
  INT,
  /** A real number (amounts, ratios, scores); a {@code double} in rules. */
  DOUBLE
}

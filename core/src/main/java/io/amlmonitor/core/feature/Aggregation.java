package io.amlmonitor.core.feature;

/**
 * How a feature folds the events of its window {@code [t - window, t)} into one value.
 *
 * <p>Amounts are in the reporting currency; every aggregation over an empty window is 0.
 */
public enum Aggregation {
  /** Number of events. */
  COUNT(ValueType.INT),
  /** Sum of amounts. */
  SUM(ValueType.DOUBLE),
  /** Mean amount. */
  MEAN(ValueType.DOUBLE),
  /** Largest amount. */
  MAX(ValueType.DOUBLE),
  /** Distinct IP addresses (events without an IP do not count). */
  DISTINCT_IPS(ValueType.INT),
  /**
   * Distinct other parties: merchants paid, for a customer; paying customers, for a merchant. For a
   * customer only payments to merchants count here; transfers to accounts do not.
   */
  DISTINCT_PARTIES(ValueType.INT),
  /**
   * Events per minute over the active part of the window: count divided by the minutes from the
   * window's first event to {@code t}, at least one minute. A burst of 30 payments in one minute
   * reads 30 right after it and decays as the clock moves on.
   */
  RATE_PER_MINUTE(ValueType.DOUBLE),
  /**
   * Coefficient of variation of amounts (population standard deviation over mean): 0 for fewer than
   * two events. Irregular amounts score high; repeated identical amounts score 0.
   */
  COEFFICIENT_OF_VARIATION(ValueType.DOUBLE),
  /** Events at night (22:00–06:00 in the configured zone). */
  NIGHT_COUNT(ValueType.INT),
  /** Events on Saturday or Sunday in the configured zone. */
  WEEKEND_COUNT(ValueType.INT),
  /**
   * Events with an amount just under the reporting threshold: in {@code [threshold × (1 - band),
   * threshold)}; the classic structuring signal.
   */
  NEAR_THRESHOLD_COUNT(ValueType.INT),
  /**
   * Days since the entity's previous event (fractional), over all history rather than a window: 0
   * when the entity has never been seen.
   */
  DAYS_SINCE_PREVIOUS(ValueType.DOUBLE);

  private final ValueType type;

  Aggregation(ValueType type) {
    this.type = type;
  }

  /** The type every feature with this aggregation has. */
  public ValueType type() {
    return type;
  }

  /** Whether computing it needs a pass over the window's events rather than prefix sums. */
  boolean needsScan() {
    return this == MAX
        || this == DISTINCT_IPS
        || this == DISTINCT_PARTIES
        || this == COEFFICIENT_OF_VARIATION;
  }
}

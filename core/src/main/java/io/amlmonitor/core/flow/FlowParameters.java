package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a run of the flows works on and how.
 *
 * @param asOf the end of the period, exclusive: the flows look at event time {@code [asOf -
 *     lookback, asOf)}
 * @param warmUp how much history before the period feeds the feature windows without being scored,
 *     or null for all of it (features then equal the live path's exactly)
 * @param batchSize transactions per batch: the unit of work of a worker, of a write and of a
 *     checkpoint
 * @param workers threads that score and write
 * @param alertThreshold the lowest score that raises an alert, in [0, 1]
 * @param riskThreshold the lowest customer risk score rated high, in [0, 1]
 * @param suppression how long after an alert a repeat of the same pattern for the same customer is
 *     held back
 * @param boundedMemory keep per-customer working data in the database instead of in memory
 */
public record FlowParameters(
    Instant asOf,
    Duration lookback,
    Duration warmUp,
    int batchSize,
    int workers,
    double alertThreshold,
    double riskThreshold,
    Duration suppression,
    boolean boundedMemory) {

  public FlowParameters {
    Objects.requireNonNull(asOf, "asOf");
    positive("lookback", lookback);
    if (warmUp != null && warmUp.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative, was " + warmUp);
    }
    if (batchSize < 1 || batchSize > 1_000_000) {
      throw new IllegalArgumentException(
          "batch size must be between 1 and 1000000, was " + batchSize);
    }
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("workers must be between 1 and 256, was " + workers);
    }
    fraction("alert threshold", alertThreshold);
    fraction("risk threshold", riskThreshold);
    Objects.requireNonNull(suppression, "suppression");
    if (suppression.isNegative()) {
      throw new IllegalArgumentException("suppression must not be negative, was " + suppression);
    }
  }

  /** The period the flows look at: {@code [asOf - lookback, asOf)}. */
  public TimeRange period() {
    return new TimeRange(asOf.minus(lookback), asOf);
  }

  /** The history read for a monitoring run: the period and its warm-up. */
  public TimeRange history() {
    return new TimeRange(warmUp == null ? null : asOf.minus(lookback).minus(warmUp), asOf);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  private static void fraction(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + v);
    }
  }
}

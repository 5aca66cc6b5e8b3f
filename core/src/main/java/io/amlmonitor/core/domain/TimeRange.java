package io.amlmonitor.core.domain;

import java.time.Instant;

/**
 * The instants from {@code from} (inclusive) until {@code until} (exclusive); either end may be
 * null, meaning unbounded on that side. Half-open, so that consecutive ranges (a day, then the
 * next) never count an instant twice.
 */
public record TimeRange(Instant from, Instant until) {
  /** Every instant. */
  public static final TimeRange ALL = new TimeRange(null, null);

  public TimeRange {
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException(
          "a time range must end after it starts; from " + from + " until " + until);
    }
  }

  /** Whether {@code t} lies in the range. */
  public boolean contains(Instant t) {
    return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
  }

  /** {@code [from, until)}, with {@code …} for an open end. */
  @Override
  public String toString() {
    return "[" + (from == null ? "…" : from) + ", " + (until == null ? "…" : until) + ")";
  }
}

package io.amlmonitor.core.feature;

import java.time.Duration;

/**
 * How a feature's window is evaluated, which fixes its accuracy.
 *
 * <p>Raw events are kept for 24 hours (plus the allowed lateness) per customer flow and for 1 hour
 * per merchant, whose hottest examples receive millions of payments a day. Longer windows are
 * answered from per-hour or per-day tiles: they cover whole tiles back from the one holding {@code
 * t}, so their oldest edge snaps forward to a tile boundary (see {@link #effectiveStart}).
 */
public enum WindowKind {
  /** Not windowed: lifetime or per-transaction features. */
  NONE,
  /** {@code [t - window, t)} to the millisecond, from raw events. */
  EXACT,
  /**
   * The hour holding {@code t} and the {@code window/1h - 1} hours before it, up to {@code t}:
   * between {@code window - 1h} and {@code window} long, never more.
   */
  HOUR_TILES,
  /**
   * The local day holding {@code t} and the {@code window/1d - 1} days before it, up to {@code t}:
   * between {@code window - 1d} and {@code window} long, never more.
   */
  DAY_TILES;

  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;

  /** The longest window answered exactly from raw events, by entity. */
  static Duration rawLimit(EntityType entity) {
    return entity == EntityType.MERCHANT ? Duration.ofHours(1) : Duration.ofHours(24);
  }

  /** The kind for a window of {@code entity}, or an explanation of why none fits. */
  static WindowKind of(EntityType entity, Duration window, Aggregation aggregation) {
    if (window.isZero()) {
      return NONE;
    }
    if (window.compareTo(rawLimit(entity)) <= 0) {
      return EXACT;
    }
    long ms = window.toMillis();
    if (ms <= DAY && ms % HOUR == 0) {
      return HOUR_TILES;
    }
    if (ms % DAY == 0) {
      return DAY_TILES;
    }
    throw new IllegalArgumentException(
        "a "
            + entity.name().toLowerCase(java.util.Locale.ROOT)
            + " window over "
            + rawLimit(entity)
            + " must be whole hours up to a day, or whole days; was "
            + window);
  }

  /** Length of one tile in milliseconds (a local day may be 23 or 25 hours long). */
  long tileMillis() {
    return this == HOUR_TILES ? HOUR : DAY;
  }
}

package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Money;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the feature engine needs to know about the world.
 *
 * @param zone the zone in which "night" (22:00–06:00) and "weekend" are judged
 * @param allowedLateness how far behind an entity's newest event an event may arrive and still be
 *     placed in its windows; later ones are counted as late and left out
 * @param reportingThreshold the amount above which a transaction must be reported; structuring
 *     splits amounts to stay just under it
 * @param structuringBand how far under the threshold counts as "just under", as a fraction (0.1
 *     means the 10% below it)
 */
public record FeatureSettings(
    ZoneId zone, Duration allowedLateness, Money reportingThreshold, double structuringBand) {

  public static final FeatureSettings DEFAULT =
      new FeatureSettings(ZoneOffset.UTC, Duration.ofMinutes(5), Money.of(10_000), 0.1);

  public FeatureSettings {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(allowedLateness, "allowedLateness");
    if (allowedLateness.isNegative() || allowedLateness.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "allowed lateness must be between 0 and 1 hour, was " + allowedLateness);
    }
    Objects.requireNonNull(reportingThreshold, "reportingThreshold");
    if (reportingThreshold.cents() <= 0) {
      throw new IllegalArgumentException(
          "reporting threshold must be positive, was " + reportingThreshold);
    }
    if (!(structuringBand > 0 && structuringBand < 1)) {
      throw new IllegalArgumentException(
          "structuring band must be between 0 and 1 (exclusive), was " + structuringBand);
    }
  }

  public FeatureSettings withZone(ZoneId newZone) {
    return new FeatureSettings(newZone, allowedLateness, reportingThreshold, structuringBand);
  }

  public FeatureSettings withAllowedLateness(Duration lateness) {
    return new FeatureSettings(zone, lateness, reportingThreshold, structuringBand);
  }

  /** The lowest amount, in cents, that counts as just under the reporting threshold. */
  long nearThresholdFloorCents() {
    return (long) Math.ceil(reportingThreshold.cents() * (1 - structuringBand));
  }
}

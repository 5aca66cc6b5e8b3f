package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Money;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the feature engine needs to know about the world.
 *
 * @param zone the zone in which "night" (22:00–06:00), "weekend" and day tiles are judged
 * @param allowedLateness how far behind an entity's newest event an event may arrive and still be
 *     placed in its windows; later ones are counted as late and left out
 * @param reportingThreshold the amount above which a transaction must be reported; structuring
 *     splits amounts to stay just under it
 * @param structuringBand how far under the threshold counts as "just under", as a fraction (0.1
 *     means the 10% below it)
 * @param highRiskCountries ISO 3166-1 alpha-2 codes of high-risk jurisdictions
 * @param roundUnit an amount is round when it is a whole multiple of this
 */
public record FeatureSettings(
    ZoneId zone,
    Duration allowedLateness,
    Money reportingThreshold,
    double structuringBand,
    Set<String> highRiskCountries,
    Money roundUnit) {

  /**
   * FATF's call-for-action list and a selection from its increased-monitoring list, as published in
   * 2025; the same as the default rules' constant. Refresh from fatf-gafi.org before relying on it.
   */
  public static final Set<String> DEFAULT_HIGH_RISK_COUNTRIES =
      Set.of(
          "KP", "IR", "MM", "AF", "SY", "YE", "VE", "HT", "SS", "LB", "LA", "NG", "CD", "MZ", "TZ");

  public static final FeatureSettings DEFAULT =
      new FeatureSettings(
          ZoneOffset.UTC,
          Duration.ofMinutes(5),
          Money.of(10_000),
          0.1,
          DEFAULT_HIGH_RISK_COUNTRIES,
          Money.of(100));

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
    Objects.requireNonNull(highRiskCountries, "highRiskCountries");
    Set<String> codes = new TreeSet<>();
    for (String code : highRiskCountries) {
      String upper = code.strip().toUpperCase(Locale.ROOT);
      if (!upper.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException(
            "high-risk country '" + code + "' is not an ISO 3166-1 alpha-2 code");
      }
      codes.add(upper);
    }
    highRiskCountries = Set.copyOf(codes);
    Objects.requireNonNull(roundUnit, "roundUnit");
    if (roundUnit.cents() <= 0) {
      throw new IllegalArgumentException("round unit must be positive, was " + roundUnit);
    }
  }

  /** Settings with the default high-risk list and round unit. */
  public FeatureSettings(
      ZoneId zone, Duration allowedLateness, Money reportingThreshold, double structuringBand) {
    this(
        zone,
        allowedLateness,
        reportingThreshold,
        structuringBand,
        DEFAULT_HIGH_RISK_COUNTRIES,
        Money.of(100));
  }

  public FeatureSettings withZone(ZoneId newZone) {
    return new FeatureSettings(
        newZone,
        allowedLateness,
        reportingThreshold,
        structuringBand,
        highRiskCountries,
        roundUnit);
  }

  public FeatureSettings withAllowedLateness(Duration lateness) {
    return new FeatureSettings(
        zone, lateness, reportingThreshold, structuringBand, highRiskCountries, roundUnit);
  }

  public FeatureSettings withHighRiskCountries(Set<String> codes) {
    return new FeatureSettings(
        zone, allowedLateness, reportingThreshold, structuringBand, codes, roundUnit);
  }

  /** The lowest amount, in cents, that counts as just under the reporting threshold. */
  long nearThresholdFloorCents() {
    return (long) Math.ceil(reportingThreshold.cents() * (1 - structuringBand));
  }
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Checks;
import io.amlmonitor.core.domain.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What to generate: population sizes, period, seed and laundering intensity. Checked once, here: a
 * bad value throws {@link InvalidFieldException} naming the field and the value.
 *
 * @param customers number of account holders, 1 to 10,000,000
 * @param merchants number of merchants, 1 to 1,000,000
 * @param days length of the period in local calendar days, 1 to 3,660
 * @param seed the only source of randomness: equal configurations give identical output
 * @param start the first day's midnight in {@code zone}, in a year from 1990 to 9000
 * @param zone the local time that daily and weekly rhythms follow
 * @param launderingShare share of customers involved in a laundering episode, 0 to 0.5
 */
public record GeneratorConfig(
    int customers,
    int merchants,
    int days,
    long seed,
    Instant start,
    ZoneId zone,
    double launderingShare) {

  public static final int MAX_CUSTOMERS = 10_000_000;
  public static final int MAX_MERCHANTS = 1_000_000;
  public static final int MAX_DAYS = 3_660;
  public static final double MAX_LAUNDERING_SHARE = 0.5;
  public static final double DEFAULT_LAUNDERING_SHARE = 0.02;

  /** Monday 5 January 2026, midnight UTC. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

  public GeneratorConfig {
    inRange("customers", customers, 1, MAX_CUSTOMERS);
    inRange("merchants", merchants, 1, MAX_MERCHANTS);
    inRange("days", days, 1, MAX_DAYS);
    Checks.required("zone", zone);
    Checks.required("start", start);
    LocalDate date = start.atZone(zone).toLocalDate();
    // Onboarding dates reach 15 years back and transactions must stay within 1970..9999.
    if (date.getYear() < 1990 || date.getYear() > 9000) {
      throw new InvalidFieldException("start", start + " must fall in a year from 1990 to 9000");
    }
    Instant midnight = date.atStartOfDay(zone).toInstant();
    if (!midnight.equals(start)) {
      throw new InvalidFieldException(
          "start", start + " is not midnight in " + zone + "; the day starts at " + midnight);
    }
    if (!(launderingShare >= 0 && launderingShare <= MAX_LAUNDERING_SHARE)) {
      throw new InvalidFieldException(
          "laundering_share",
          "must be between 0 and " + MAX_LAUNDERING_SHARE + ", was " + launderingShare);
    }
  }

  /** 10,000 customers, 500 merchants, 90 days from {@link #DEFAULT_START} in UTC, seed 42. */
  public static GeneratorConfig defaults() {
    return of(10_000, 500, 90, 42L);
  }

  /** The given sizes and seed, starting at {@link #DEFAULT_START} in UTC, 2% laundering. */
  public static GeneratorConfig of(int customers, int merchants, int days, long seed) {
    return new GeneratorConfig(
        customers, merchants, days, seed, DEFAULT_START, ZoneOffset.UTC, DEFAULT_LAUNDERING_SHARE);
  }

  /** This configuration starting at midnight of {@code date} in {@code zone}. */
  public GeneratorConfig startingOn(LocalDate date, ZoneId zone) {
    Checks.required("start", date);
    Checks.required("zone", zone);
    return new GeneratorConfig(
        customers,
        merchants,
        days,
        seed,
        date.atStartOfDay(zone).toInstant(),
        zone,
        launderingShare);
  }

  public GeneratorConfig withSeed(long seed) {
    return new GeneratorConfig(customers, merchants, days, seed, start, zone, launderingShare);
  }

  public GeneratorConfig withLaunderingShare(double share) {
    return new GeneratorConfig(customers, merchants, days, seed, start, zone, share);
  }

  /** The first local day. */
  public LocalDate startDate() {
    return start.atZone(zone).toLocalDate();
  }

  /** Midnight after the last local day: every generated timestamp is before it. */
  public Instant end() {
    return startDate().plusDays(days).atStartOfDay(zone).toInstant();
  }

  private static void inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidFieldException(
          field, "must be between " + min + " and " + max + ", was " + value);
    }
  }
}

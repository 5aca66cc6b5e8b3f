package io.amlmonitor.core.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the open cases have waited, as of one instant: how many there are, the oldest, the
 * median, and how many fall in each age band.
 *
 * @param bands the number of open cases per band of {@link #BAND_LIMITS}: under 1 day, 1–7 days,
 *     7–30 days, 30 days or more
 */
public record CaseAgeing(
    Instant asOf, long openCases, Duration oldest, Duration median, List<Long> bands) {
  /** The upper (exclusive) limits of every band but the last. */
  public static final List<Duration> BAND_LIMITS =
      List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

  public CaseAgeing {
    bands = List.copyOf(bands);
    if (bands.size() != BAND_LIMITS.size() + 1) {
      throw new IllegalArgumentException("expected " + (BAND_LIMITS.size() + 1) + " bands");
    }
  }

  /**
   * The ageing of the cases open in {@code cases} at {@code asOf}.
   *
   * <p>Implementation note: the ages are held as one long each to find the median; open cases are a
   * work queue, orders of magnitude fewer than transactions.
   */
  public static CaseAgeing of(CaseRepository cases, Instant asOf) {
    List<Long> ages = new ArrayList<>();
    long[] bands = new long[BAND_LIMITS.size() + 1];
    cases.forEachOpen(
        c -> {
          Duration age = Duration.between(c.openedAt(), asOf);
          if (age.isNegative()) {
            age = Duration.ZERO;
          }
          ages.add(age.toMillis());
          int band = 0;
          while (band < BAND_LIMITS.size() && age.compareTo(BAND_LIMITS.get(band)) >= 0) {
            band++;
          }
          bands[band]++;
        });
    Collections.sort(ages);
    List<Long> counts = new ArrayList<>(bands.length);
    for (long b : bands) {
      counts.add(b);
    }
    if (ages.isEmpty()) {
      return new CaseAgeing(asOf, 0, Duration.ZERO, Duration.ZERO, counts);
    }
    return new CaseAgeing(
        asOf,
        ages.size(),
        Duration.ofMillis(ages.get(ages.size() - 1)),
        Duration.ofMillis(ages.get((ages.size() - 1) / 2)),
        counts);
  }
}

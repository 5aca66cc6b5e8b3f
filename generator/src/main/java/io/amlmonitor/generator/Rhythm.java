package io.amlmonitor.generator;

import java.time.DayOfWeek;
import java.util.SplittableRandom;

/**
 * When in the day and week someone transacts, in local time. Weights are relative: hours by how
 * busy they are, days by how much more or less than an ordinary weekday happens.
 */
enum Rhythm {
  /** Wakes around seven, peaks at lunch and in the evening, fewer purchases on Sundays. */
  PERSONAL(
      new double[] {
        0.35, 0.18, 0.1, 0.07, 0.07, 0.15, 0.5, 1.1, 1.8, 2.3, 2.7, 3.2, 4.2, 3.9, 2.9, 2.6, 2.8,
        3.3, 4.0, 4.5, 4.0, 3.1, 2.0, 1.0
      },
      new double[] {1.0, 1.0, 1.02, 1.05, 1.2, 1.1, 0.6}),
  /**
   * Shift workers, awake at night. A small legitimate source of night-time activity, so that the
   * hour alone does not give {@link Typology#NIGHT_ACTIVITY} away.
   */
  NIGHT_SHIFT(
      new double[] {
        3.0, 3.2, 3.0, 2.6, 2.0, 1.2, 0.8, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.2, 1.5, 1.6, 1.6, 1.8,
        2.0, 2.2, 2.4, 2.6, 2.8, 3.0
      },
      new double[] {1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 0.8}),
  /** Office hours on weekdays, little at weekends. */
  BUSINESS(
      new double[] {
        0.05, 0.03, 0.03, 0.03, 0.03, 0.05, 0.15, 0.4, 1.5, 2.8, 3.2, 3.2, 2.0, 2.6, 3.2, 3.2, 3.0,
        2.2, 1.0, 0.5, 0.3, 0.2, 0.1, 0.05
      },
      new double[] {1.0, 1.05, 1.05, 1.05, 1.1, 0.45, 0.15});

  private final double[] hourTotals;
  private final double[] dayFactors;

  Rhythm(double[] hourWeights, double[] dayFactors) {
    this.hourTotals = Sampling.cumulative(hourWeights);
    this.dayFactors = dayFactors;
  }

  /** A local time of day in milliseconds after midnight: an hour by weight, uniform within it. */
  long millisOfDay(SplittableRandom rng) {
    int hour = Sampling.pickCumulative(rng, hourTotals);
    return hour * DayClock.HOUR + rng.nextLong(DayClock.HOUR);
  }

  /** How busy this day of the week is compared with an ordinary weekday. */
  double dayFactor(DayOfWeek day) {
    return dayFactors[day.ordinal()];
  }

  /** The average day factor over a week, to turn a daily rate into a monthly volume. */
  double weeklyAverage() {
    double sum = 0;
    for (double factor : dayFactors) {
      sum += factor;
    }
    return sum / dayFactors.length;
  }
}

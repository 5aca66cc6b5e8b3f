package io.amlmonitor.generator;

import java.time.LocalDate;

/**
 * One local calendar day being generated.
 *
 * @param start epoch millisecond of local midnight
 * @param length milliseconds until the next midnight (23 to 25 hours)
 */
record Day(int index, LocalDate date, long start, long length) {
  static Day of(DayClock clock, int index) {
    return new Day(index, clock.date(index), clock.start(index), clock.length(index));
  }

  /**
   * The instant {@code millisOfDay} after midnight, kept inside the day. Wall-clock times on a day
   * the clocks change are off by the hour; the rhythms are too coarse for that to matter.
   */
  long at(long millisOfDay) {
    return start + Math.min(Math.max(0, millisOfDay), length - 1);
  }

  /** People spend more in the days after payday and less as the month runs out. */
  double monthFactor() {
    int dayOfMonth = date.getDayOfMonth();
    return dayOfMonth <= 10 ? 1.1 : dayOfMonth <= 20 ? 1.0 : 0.9;
  }
}

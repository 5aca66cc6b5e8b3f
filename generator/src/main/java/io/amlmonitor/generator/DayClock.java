package io.amlmonitor.generator;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The local calendar days of the period and where they begin in UTC. Days are numbered from 0; a
 * day can be 23 or 25 hours long where the zone changes its clocks.
 */
final class DayClock {
  static final long SECOND = 1_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  private final LocalDate firstDate;
  private final long[] starts;

  DayClock(LocalDate firstDate, ZoneId zone, int days) {
    this.firstDate = firstDate;
    this.starts = new long[days + 1];
    for (int day = 0; day <= days; day++) {
      starts[day] = firstDate.plusDays(day).atStartOfDay(zone).toInstant().toEpochMilli();
    }
  }

  int days() {
    return starts.length - 1;
  }

  LocalDate date(int day) {
    return firstDate.plusDays(day);
  }

  /** Epoch millisecond of the day's local midnight; {@code days()} gives the end of the period. */
  long start(int day) {
    return starts[day];
  }

  long length(int day) {
    return starts[day + 1] - starts[day];
  }

  /** The day containing {@code epochMilli}, or -1 when it falls outside the period. */
  int dayOf(long epochMilli) {
    if (epochMilli < starts[0] || epochMilli >= starts[starts.length - 1]) {
      return -1;
    }
    int found = Arrays.binarySearch(starts, epochMilli);
    return found >= 0 ? found : -found - 2;
  }
}

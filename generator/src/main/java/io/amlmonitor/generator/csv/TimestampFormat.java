package io.amlmonitor.generator.csv;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Formats instants as ISO-8601 UTC with milliseconds, {@code 2026-01-05T14:03:22.123Z}, always with
 * the fraction (unlike {@link Instant#toString()}, which drops a zero one), so every row has the
 * same shape. Finer fractions are truncated to the millisecond. Not thread-safe: it remembers the
 * last date, which rows in time order share.
 */
final class TimestampFormat {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private long cachedDay = Long.MIN_VALUE;
  private String cachedDate;

  void append(StringBuilder row, Instant instant) {
    long epochMilli = instant.toEpochMilli();
    long day = Math.floorDiv(epochMilli, MILLIS_PER_DAY);
    if (day != cachedDay) {
      cachedDay = day;
      cachedDate = LocalDate.ofEpochDay(day).toString();
    }
    int millisOfDay = (int) Math.floorMod(epochMilli, MILLIS_PER_DAY);
    row.append(cachedDate).append('T');
    two(row, millisOfDay / 3_600_000);
    row.append(':');
    two(row, millisOfDay / 60_000 % 60);
    row.append(':');
    two(row, millisOfDay / 1_000 % 60);
    row.append('.');
    int millis = millisOfDay % 1_000;
    if (millis < 100) {
      row.append('0');
    }
    two(row, millis);
    row.append('Z');
  }

  private static void two(StringBuilder row, int value) {
    if (value < 10) {
      row.append('0');
    }
    row.append(value);
  }
}

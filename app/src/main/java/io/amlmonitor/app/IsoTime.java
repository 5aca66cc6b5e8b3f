package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 times as people and other tools write them: an instant with {@code Z} or an offset
 * ({@code 2017-01-01T12:00:00Z}, {@code 2017-01-01T09:00:00-03:00}), a date and time without one,
 * read as UTC ({@code 2017-01-01T12:00:00} or with a space for the {@code T}), or a date, meaning
 * its start in UTC ({@code 2017-01-01}).
 */
final class IsoTime {
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private IsoTime() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeException when it is none of the accepted forms
   */
  static Instant parse(String text) {
    String t = text.strip();
    Instant utc = utc(t);
    if (utc != null) {
      return utc;
    }
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    char last = t.charAt(t.length() - 1);
    if (last == 'Z' || last == 'z') {
      return Instant.parse(t.substring(0, t.length() - 1) + 'Z');
    }
    if (t.length() > 19 && (t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10)) {
      return OffsetDateTime.parse(t).toInstant();
    }
    return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
  }

  /**
   * The fast path for the form our files, the API's clients and most exports write, {@code
   * 2026-01-05T14:03:22.123Z} (any fraction up to nanoseconds, or none); null for anything else,
   * which {@link DateTimeFormatter} then reads. {@link Instant#parse} took 40% of an import's
   * reading time.
   */
  private static Instant utc(String t) {
    int n = t.length();
    if (n < 20
        || n == 21
        || n > 30
        || t.charAt(n - 1) != 'Z'
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || n > 20 && t.charAt(19) != '.') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    int fraction = n > 20 ? digits(t, 20, n - 1) : 0;
    if ((year | month | day | hour | minute | second | fraction) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null; // including leap seconds, which the full parser smooths
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    int nanos = n > 20 ? fraction * POWERS_OF_TEN[9 - (n - 21)] : 0;
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number the ASCII digits from {@code from} to {@code to} spell, or -1. */
  private static int digits(String t, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = t.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /**
   * The instant a command-line option names.
   *
   * @throws ConfigException naming the option and the value when it is not a date or time
   */
  static Instant option(String option, String text) {
    try {
      return parse(text);
    } catch (DateTimeException | StringIndexOutOfBoundsException e) {
      throw new ConfigException(
          option, text, "is not a date or time such as 2017-01-01 or 2017-01-01T12:00:00Z");
    }
  }
}

package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 times as people and other tools write them: an instant with {@code Z} or an offset
 * ({@code 2017-01-01T12:00:00Z}, {@code 2017-01-01T09:00:00-03:00}), a date and time without one,
 * read as UTC ({@code 2017-01-01T12:00:00} or with a space for the {@code T}), or a date, meaning
 * its start in UTC ({@code 2017-01-01}).
 */
final class IsoTime {
  private IsoTime() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeException when it is none of the accepted forms
   */
  static Instant parse(String text) {
    String t = text.strip();
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

package io.amlmonitor.generator.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 text: fields separated by commas, quoted when they contain a comma, a quote or a line
 * break, quotes inside doubled. Written by hand rather than with {@code String.format} or a regex
 * because it runs for every field of millions of rows.
 */
public final class CsvText {
  private CsvText() {}

  /** Appends {@code value}, quoted if needed; null appends nothing (an empty cell). */
  public static void appendField(StringBuilder row, String value) {
    if (value == null) {
      return;
    }
    if (!needsQuotes(value)) {
      row.append(value);
      return;
    }
    row.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        row.append('"');
      }
      row.append(c);
    }
    row.append('"');
  }

  /** Appends cents as a decimal with exactly two places, such as {@code 1234.05}. */
  static void appendCents(StringBuilder row, long cents) {
    row.append(cents / 100).append('.');
    long fraction = cents % 100;
    if (fraction < 10) {
      row.append('0');
    }
    row.append(fraction);
  }

  /** Appends an ISO date, {@code 2026-01-05}. */
  static void appendDate(StringBuilder row, LocalDate date) {
    row.append(date);
  }

  static void appendHeader(StringBuilder row, List<String> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(columns.get(i));
    }
    row.append('\n');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Splits one record (which may span lines inside quotes) into its fields.
   *
   * @throws MalformedRecordException when a quote is misplaced or never closed
   */
  static List<String> split(String record) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int length = record.length();
    while (true) {
      if (i < length && record.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          if (i >= length) {
            throw new MalformedRecordException(
                "field " + (fields.size() + 1) + " opens a quote that is never closed");
          }
          char c = record.charAt(i++);
          if (c == '"') {
            if (i < length && record.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        fields.add(field.toString());
        if (i < length && record.charAt(i) != ',') {
          throw new MalformedRecordException(
              "field " + fields.size() + " has text after its closing quote");
        }
      } else {
        int comma = record.indexOf(',', i);
        int end = comma < 0 ? length : comma;
        if (record.indexOf('"', i) >= 0 && record.indexOf('"', i) < end) {
          throw new MalformedRecordException(
              "field " + (fields.size() + 1) + " has a quote but is not quoted");
        }
        fields.add(record.substring(i, end));
        i = end;
      }
      if (i >= length) {
        return fields;
      }
      i++; // the comma
    }
  }

  /** A record that is not valid CSV; the reader reports it as a bad row. */
  static final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
      super(message);
    }
  }
}

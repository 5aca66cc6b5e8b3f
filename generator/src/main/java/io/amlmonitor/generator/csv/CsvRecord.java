package io.amlmonitor.generator.csv;

import java.util.List;

/**
 * One record of a CSV file as it appears there, before it is split into fields.
 *
 * @param line the 1-based line the record starts on (the header is line 1)
 * @param text the record's text; several lines when a quoted field holds line breaks
 */
public record CsvRecord(long line, String text) {
  /**
   * The record's fields, unquoted; an empty cell is an empty string.
   *
   * @throws CsvFormatException with this record's line when a quote is misplaced or never closed
   */
  public List<String> fields() {
    try {
      return CsvText.split(text);
    } catch (CsvText.MalformedRecordException e) {
      throw new CsvFormatException(line, e.getMessage());
    }
  }
}

package io.amlmonitor.generator.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a CSV file ({@link io.amlmonitor.generator.csv the package's dialect}) one record at a
 * time, keeping track of line numbers: a record spans several lines while a quoted field is open.
 * Blank lines are skipped. Records are not split here, so that one with broken quoting can be
 * reported on its own and reading go on. Not thread-safe; close it when done.
 */
public final class CsvRecordReader implements Closeable {
  /** The longest record kept when a quoted field is never closed: 1 MiB of text. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  private final BufferedReader in;
  private long lineNumber;

  public CsvRecordReader(Reader reader) {
    this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
  }

  /**
   * Reads the first record as the header's column names, stripped of surrounding spaces and of a
   * byte-order mark (as spreadsheet programs write).
   *
   * @throws CsvFormatException when the file is empty or the header is not valid CSV
   */
  public List<String> readHeader() {
    String header = readRecord();
    if (header == null) {
      throw new CsvFormatException(1, "the file is empty; expected a header row");
    }
    try {
      return CsvText.split(header.replace("\uFEFF", "")).stream().map(String::strip).toList();
    } catch (CsvText.MalformedRecordException e) {
      throw new CsvFormatException(1, "header: " + e.getMessage());
    }
  }

  /** The next non-blank record, or null at the end of the file. */
  public CsvRecord next() {
    while (true) {
      long start = lineNumber + 1;
      String record = readRecord();
      if (record == null) {
        return null;
      }
      if (!record.isBlank()) {
        return new CsvRecord(start, record);
      }
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A record: one line, or several while a quoted field is still open. A quote opens a field only
   * at the field's start, as RFC 4180 has it, so a stray quote inside an unquoted value (a bad row)
   * does not swallow the lines after it; an unterminated quoted field stops growing at {@link
   * #MAX_RECORD_CHARS}, which keeps memory bounded on a broken file.
   */
  private String readRecord() {
    String line = readLine();
    if (line == null || line.indexOf('"') < 0 || !endsInsideQuotes(line, false)) {
      return line;
    }
    StringBuilder record = new StringBuilder(line);
    boolean open = true;
    while (open && record.length() < MAX_RECORD_CHARS) {
      String more = readLine();
      if (more == null) {
        break; // unterminated: splitting reports it
      }
      record.append('\n').append(more);
      open = endsInsideQuotes(more, true);
    }
    return record.toString();
  }

  /** Whether a quoted field is still open at the end of {@code line}. */
  private static boolean endsInsideQuotes(String line, boolean inQuotes) {
    boolean fieldStart = !inQuotes;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            i++; // an escaped quote
          } else {
            inQuotes = false;
          }
        }
      } else if (c == '"' && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else {
        fieldStart = c == ',';
      }
    }
    return inQuotes;
  }

  private String readLine() {
    try {
      String line = in.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
    }
  }
}

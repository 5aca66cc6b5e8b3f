package io.amlmonitor.generator.csv;

/** A CSV file that cannot be read as the expected format, with the line where it goes wrong. */
public final class CsvFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long line;
  private final String reason;

  public CsvFormatException(long line, String reason) {
    super("line " + line + ": " + reason);
    this.line = line;
    this.reason = reason;
  }

  /** The 1-based line of the file, the header being line 1. */
  public long line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}

package io.amlmonitor.generator.csv;

/**
 * A row that could not be read.
 *
 * @param line the 1-based line the row starts on (the header is line 1)
 * @param text the row as it appears in the file
 * @param reason what is wrong, naming the field when one is, such as {@code amount: 'abc' is not a
 *     number}
 */
public record BadRow(long line, String text, String reason) {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}

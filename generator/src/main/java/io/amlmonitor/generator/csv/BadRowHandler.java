package io.amlmonitor.generator.csv;

/**
 * Decides what happens to a row that cannot be read: the one place where reading chooses between
 * stopping and carrying on. A handler that returns lets reading move on to the next row; one that
 * throws stops it.
 */
@FunctionalInterface
public interface BadRowHandler {
  void onBadRow(BadRow row);

  /** Stops at the first bad row with a {@link CsvFormatException} giving its line and reason. */
  static BadRowHandler failFast() {
    return row -> {
      throw new CsvFormatException(row.line(), row.reason());
    };
  }

  /** Skips bad rows without a word; prefer a handler that at least counts or logs them. */
  static BadRowHandler skip() {
    return row -> {};
  }
}

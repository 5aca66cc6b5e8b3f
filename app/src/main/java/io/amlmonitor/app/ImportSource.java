package io.amlmonitor.app;

import io.amlmonitor.generator.csv.CsvText;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of a file being imported, streamed one at a time in file order, each with its values in
 * {@link #columns()} order. A row that cannot even be split into values comes back with a problem
 * instead, so that it is rejected and reading goes on. Not thread-safe; close it when done.
 */
interface ImportSource extends AutoCloseable {
  /**
   * One row of the file.
   *
   * @param line where the row is: the 1-based line it starts on in a CSV file (the header is line
   *     1), the 1-based row number in a Parquet file
   * @param ordinal the row's 1-based position among the file's rows, whatever the format
   * @param values the row's values, empty cells as null; null when {@code problem} is set
   * @param text the row as written, or null to show it from its values
   * @param problem why the row cannot be read, or null
   */
  record Row(long line, long ordinal, String[] values, String text, String problem) {
    /** The row as one CSV record, for the rejects file. */
    String display() {
      if (text != null) {
        return text;
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        CsvText.appendField(out, values[i]);
      }
      return out.toString();
    }
  }

  /** Opens {@code file} as {@code format}; throws when the file cannot be read at all. */
  static ImportSource open(Path file, FileFormat format) {
    return switch (format) {
      case CSV -> CsvImportSource.open(file);
      case PARQUET -> ParquetImportSource.open(file);
    };
  }

  /** The file's column names, in file order. */
  List<String> columns();

  /** The next row, or null after the last. */
  Row next();

  /** How much of the file has been read, from 0 to 1. */
  double fractionRead();

  @Override
  void close();
}

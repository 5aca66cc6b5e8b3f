package io.amlmonitor.app;

import io.amlmonitor.offline.ParquetTableWriter;
import io.amlmonitor.offline.ParquetTableWriter.Column;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows of plain values ({@code String}, {@code Instant}, {@code BigDecimal}, {@code Double}, null)
 * to one file. Nothing has the file's name until {@link #close()}; an {@link #abort()} leaves the
 * file as it was.
 */
interface TableWriter extends AutoCloseable {
  /** A writer of {@code format} to {@code file}, with {@code columns}. */
  static TableWriter open(FileFormat format, Path file, List<Column> columns) {
    return switch (format) {
      case CSV -> CsvTableWriter.create(file, columns);
      case PARQUET -> parquet(ParquetTableWriter.create(file, columns));
    };
  }

  private static TableWriter parquet(ParquetTableWriter writer) {
    return new TableWriter() {
      @Override
      public void write(Object[] row) {
        writer.write(row);
      }

      @Override
      public void abort() {
        writer.abort();
      }

      @Override
      public void close() {
        writer.close();
      }
    };
  }

  /** Appends one row, a value per column. */
  void write(Object[] row);

  /** Discards the rows written. */
  void abort();

  /** Publishes the file, unless aborted. */
  @Override
  void close();
}

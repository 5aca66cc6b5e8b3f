package io.amlmonitor.app;

import io.amlmonitor.offline.ParquetTextReader;
import java.nio.file.Path;
import java.util.List;

/** A Parquet file, read with DuckDB; every value arrives as text, as from a CSV file. */
final class ParquetImportSource implements ImportSource {
  private final ParquetTextReader reader;

  private ParquetImportSource(ParquetTextReader reader) {
    this.reader = reader;
  }

  /**
   * Opens {@code file} and reads its schema.
   *
   * @throws io.amlmonitor.offline.OfflineStoreException when it is missing or not Parquet
   */
  static ParquetImportSource open(Path file) {
    return new ParquetImportSource(ParquetTextReader.open(file));
  }

  @Override
  public List<String> columns() {
    return reader.columns();
  }

  @Override
  public Row next() {
    String[] values = reader.next();
    if (values == null) {
      return null;
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && values[i].isEmpty()) {
        values[i] = null;
      }
    }
    long row = reader.rowNumber();
    return new Row(row, row, values, null, null);
  }

  @Override
  public double fractionRead() {
    return reader.rowCount() == 0 ? 1 : (double) reader.rowNumber() / reader.rowCount();
  }

  @Override
  public void close() {
    reader.close();
  }
}

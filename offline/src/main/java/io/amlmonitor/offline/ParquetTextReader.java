package io.amlmonitor.offline;

import static io.amlmonitor.offline.DuckDb.identifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.duckdb.DuckDBConnection;

/**
 * Reads any Parquet file row by row with every value as text, for importing data written by other
 * tools: timestamps as ISO-8601 instants (one without a time zone read as UTC), dates as ISO dates,
 * numbers and everything else as DuckDB prints them; null stays null. Results are streamed, so a
 * file of any size is read in constant memory. Not thread-safe; close it when done.
 */
public final class ParquetTextReader implements AutoCloseable {
  private final Path file;
  private final List<String> columns;
  private final boolean[] timestamps;
  private final long rowCount;
  private final DuckDBConnection connection;
  private final Statement statement;
  private final ResultSet rows;
  private long rowNumber;

  private ParquetTextReader(
      Path file,
      List<String> columns,
      boolean[] timestamps,
      long rowCount,
      DuckDBConnection connection,
      Statement statement,
      ResultSet rows) {
    this.file = file;
    this.columns = columns;
    this.timestamps = timestamps;
    this.rowCount = rowCount;
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
  }

  /**
   * Opens {@code file} and reads its schema.
   *
   * @throws OfflineStoreException if the file does not exist or is not Parquet
   */
  public static ParquetTextReader open(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new OfflineStoreException("Parquet file " + file + " does not exist");
    }
    DuckDBConnection connection = null;
    Statement statement = null;
    try {
      connection = DuckDb.open(null);
      Map<String, String> types = DuckDb.describe(connection, file);
      List<String> columns = List.copyOf(types.keySet());
      boolean[] timestamps = new boolean[columns.size()];
      StringJoiner select = new StringJoiner(", ");
      for (int i = 0; i < columns.size(); i++) {
        String column = identifier(columns.get(i));
        timestamps[i] = types.get(columns.get(i)).toUpperCase(Locale.ROOT).startsWith("TIMESTAMP");
        // Microseconds since the epoch: no time-zone or calendar conversion on the way out.
        select.add(timestamps[i] ? "epoch_us(" + column + ")" : "CAST(" + column + " AS VARCHAR)");
      }
      statement = connection.createStatement();
      long count;
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + DuckDb.parquet(file))) {
        rs.next();
        count = rs.getLong(1);
      }
      ResultSet rows = statement.executeQuery("SELECT " + select + " FROM " + DuckDb.parquet(file));
      return new ParquetTextReader(file, columns, timestamps, count, connection, statement, rows);
    } catch (SQLException e) {
      StagedParquetFile.closeQuietly(statement);
      StagedParquetFile.closeQuietly(connection);
      throw new OfflineStoreException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The column names, in file order. */
  public List<String> columns() {
    return columns;
  }

  /** How many rows the file holds (from its footer). */
  public long rowCount() {
    return rowCount;
  }

  /** The 1-based number of the row {@link #next()} returned last; 0 before the first. */
  public long rowNumber() {
    return rowNumber;
  }

  /**
   * The next row's values in {@link #columns()} order, or null after the last row.
   *
   * @throws OfflineStoreException if the file cannot be read
   */
  public String[] next() {
    try {
      if (!rows.next()) {
        return null;
      }
      rowNumber++;
      String[] values = new String[columns.size()];
      for (int i = 0; i < values.length; i++) {
        if (timestamps[i]) {
          long micros = rows.getLong(i + 1);
          values[i] =
              rows.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
        } else {
          values[i] = rows.getString(i + 1);
        }
      }
      return values;
    } catch (SQLException e) {
      throw new OfflineStoreException(
          "could not read row " + (rowNumber + 1) + " of " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    StagedParquetFile.closeQuietly(rows);
    StagedParquetFile.closeQuietly(statement);
    StagedParquetFile.closeQuietly(connection);
  }
}

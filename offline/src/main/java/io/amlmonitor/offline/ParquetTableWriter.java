package io.amlmonitor.offline;

import static io.amlmonitor.offline.DuckDb.identifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;

/**
 * Writes rows of plain values to one Parquet file (ZSTD) with the columns given, in the order
 * written: exports of the system of record. Publishing follows {@link TransactionParquetWriter}:
 * nothing has the file's name until {@link #close()}, and a failed {@link #write} or an {@link
 * #abort()} leaves no file. Not thread-safe.
 */
public final class ParquetTableWriter implements AutoCloseable {
  /** A column's type and the Java value it takes; every column also takes null. */
  public enum ColumnType {
    /** {@link String}. */
    TEXT("VARCHAR"),
    /** {@link Instant}, kept to the microsecond (truncated), read back in UTC. */
    TIMESTAMP("TIMESTAMP WITH TIME ZONE"),
    /** {@link BigDecimal} with at most two decimals, such as an amount. */
    DECIMAL("DECIMAL(16,2)"),
    /** {@link Double}. */
    DOUBLE("DOUBLE");

    private final String sqlType;

    ColumnType(String sqlType) {
      this.sqlType = sqlType;
    }

    /** The DuckDB type of the column, as {@code DESCRIBE} reports it. */
    public String sqlType() {
      return sqlType;
    }
  }

  /** One column of the file. */
  public record Column(String name, ColumnType type) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  private final List<Column> columns;
  private final StagedParquetFile file;

  private ParquetTableWriter(List<Column> columns, StagedParquetFile file) {
    this.columns = columns;
    this.file = file;
  }

  /**
   * Starts {@code file}; creates its directory if needed.
   *
   * @throws IllegalArgumentException if there are no columns or a name repeats
   * @throws OfflineStoreException if DuckDB cannot start
   */
  public static ParquetTableWriter create(Path file, List<Column> columns) {
    Objects.requireNonNull(file, "file");
    List<Column> checked = List.copyOf(columns);
    if (checked.isEmpty()) {
      throw new IllegalArgumentException("a Parquet file needs at least one column");
    }
    Set<String> names = new HashSet<>();
    StringJoiner definitions = new StringJoiner(", ");
    StringJoiner select = new StringJoiner(", ");
    for (Column c : checked) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("column " + c.name() + " appears twice");
      }
      definitions.add(identifier(c.name()) + " " + c.type().sqlType());
      select.add(identifier(c.name()));
    }
    return new ParquetTableWriter(
        checked, StagedParquetFile.create(file, definitions.toString(), select.toString()));
  }

  /**
   * Appends one row, a value per column in column order.
   *
   * @throws IllegalArgumentException if the values do not fit the columns; the writer has then
   *     failed
   * @throws IllegalStateException if the writer is closed or failed earlier
   */
  public void write(Object... values) {
    file.write(String.valueOf(file.rows() + 1), appender -> append(appender, values));
  }

  private void append(DuckDBAppender appender, Object[] values) throws SQLException {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row " + (file.rows() + 1) + " has " + values.length + " values for " + columns.size());
    }
    appender.beginRow();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        appender.appendNull();
        continue;
      }
      switch (columns.get(i).type()) {
        case TEXT -> appender.append(cast(v, String.class, i));
        case TIMESTAMP -> appender.appendEpochMicros(micros(cast(v, Instant.class, i)));
        case DECIMAL ->
            appender.append(cast(v, BigDecimal.class, i).setScale(2, RoundingMode.UNNECESSARY));
        case DOUBLE -> appender.append((double) cast(v, Double.class, i));
      }
    }
    appender.endRow();
  }

  private <T> T cast(Object value, Class<T> type, int column) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "column "
              + columns.get(column).name()
              + " takes a "
              + type.getSimpleName()
              + ", not "
              + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  /** The file this writer publishes on close. */
  public Path file() {
    return file.target();
  }

  /** Rows written so far. */
  public long rowCount() {
    return file.rows();
  }

  /** Discards every row; the file is left as it was before this writer. */
  public void abort() {
    file.abort();
  }

  /**
   * Writes the file and renames it into place, unless a write failed or {@link #abort()} was
   * called. Idempotent.
   *
   * @throws OfflineStoreException if the file cannot be written
   */
  @Override
  public void close() {
    file.close();
  }
}

package io.amlmonitor.offline;

import static io.amlmonitor.offline.DuckDb.identifier;

import io.amlmonitor.core.domain.Transaction;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;

/**
 * Writes raw transactions to one Parquet file (ZSTD), one row each, in the order written. Columns:
 * {@code transaction_id} VARCHAR, {@code event_timestamp} TIMESTAMP WITH TIME ZONE (UTC, to the
 * millisecond), {@code customer_id}, {@code merchant_id}, {@code counterparty_id} VARCHAR, {@code
 * amount} DOUBLE, {@code amount_cents} BIGINT (exact), {@code currency}, {@code channel}
 * (lower-case, as in the API), {@code ip_address}, {@code device_id}, {@code country}, {@code
 * counterparty_country} VARCHAR, then the label columns. Optional fields are null when unknown.
 *
 * <p>Publishing follows {@link SnapshotWriter}: nothing has the file's name until {@link #close()},
 * and a failed {@link #write} or an {@link #abort()} leaves no file. Not thread-safe.
 */
public final class TransactionParquetWriter implements AutoCloseable {
  private static final String VARCHAR = SnapshotColumns.VARCHAR;

  /** The columns before the labels, with their types, in file order. */
  static final Map<String, String> COLUMNS = columns();

  private final List<LabelColumn> labels;
  private final StagedParquetFile file;

  private TransactionParquetWriter(List<LabelColumn> labels, StagedParquetFile file) {
    this.labels = labels;
    this.file = file;
  }

  private static Map<String, String> columns() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("transaction_id", VARCHAR);
    c.put("event_timestamp", SnapshotColumns.TIMESTAMPTZ);
    c.put("customer_id", VARCHAR);
    c.put("merchant_id", VARCHAR);
    c.put("counterparty_id", VARCHAR);
    c.put("amount", SnapshotColumns.DOUBLE);
    c.put("amount_cents", SnapshotColumns.BIGINT);
    c.put("currency", VARCHAR);
    c.put("channel", VARCHAR);
    c.put("ip_address", VARCHAR);
    c.put("device_id", VARCHAR);
    c.put("country", VARCHAR);
    c.put("counterparty_country", VARCHAR);
    return Collections.unmodifiableMap(c);
  }

  /**
   * Starts a transactions file; creates its directory if needed.
   *
   * @param labels the label columns, after the data columns; may be empty
   * @throws IllegalArgumentException if a label's name is taken by a data column or another label
   */
  public static TransactionParquetWriter create(Path file, List<LabelColumn> labels) {
    Objects.requireNonNull(file, "file");
    Map<String, String> taken = new LinkedHashMap<>();
    COLUMNS.keySet().forEach(name -> taken.put(name, "the data column"));
    List<LabelColumn> checked = LabelColumn.checkNames(labels, taken);
    StringJoiner columns = new StringJoiner(", ");
    StringJoiner select = new StringJoiner(", ");
    COLUMNS.forEach(
        (name, type) -> {
          columns.add(identifier(name) + " " + type);
          select.add(identifier(name));
        });
    for (LabelColumn label : checked) {
      columns.add(identifier(label.name()) + " " + label.type().sqlType());
      select.add(identifier(label.name()));
    }
    return new TransactionParquetWriter(
        checked, StagedParquetFile.create(file, columns.toString(), select.toString()));
  }

  /** Appends {@code t}; only for a file without label columns. */
  public void write(Transaction t) {
    write(t, new Object[0]);
  }

  /**
   * Appends {@code t} with its labels.
   *
   * @param labels one value per label column, each may be null
   * @throws IllegalArgumentException if the labels do not match the label columns; the writer has
   *     then failed
   * @throws IllegalStateException if the writer is closed or failed earlier
   */
  public void write(Transaction t, Object[] labels) {
    Objects.requireNonNull(t, "transaction");
    Objects.requireNonNull(labels, "labels");
    file.write(t.id().value(), appender -> append(appender, t, labels));
  }

  private void append(DuckDBAppender appender, Transaction t, Object[] values) throws SQLException {
    LabelColumn.checkValues(labels, values, t.id().value());
    appender.beginRow();
    appender.append(t.id().value());
    // Truncated to the millisecond, the precision the feature engine works in.
    appender.appendEpochMicros(t.timestamp().toEpochMilli() * 1000);
    appender.append(t.customerId().value());
    DuckDb.appendNullable(appender, t.merchantId() == null ? null : t.merchantId().value());
    DuckDb.appendNullable(appender, t.counterpartyId() == null ? null : t.counterpartyId().value());
    appender.append(t.amount().toDouble());
    appender.append(t.amount().cents());
    DuckDb.appendNullable(appender, t.currency());
    DuckDb.appendNullable(appender, t.channel() == null ? null : t.channel().wireName());
    DuckDb.appendNullable(appender, t.ipAddress());
    DuckDb.appendNullable(appender, t.deviceId());
    DuckDb.appendNullable(appender, t.country());
    DuckDb.appendNullable(appender, t.counterpartyCountry());
    for (int i = 0; i < values.length; i++) {
      labels.get(i).type().append(appender, values[i]);
    }
    appender.endRow();
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

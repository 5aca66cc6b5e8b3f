package io.amlmonitor.offline;

import static io.amlmonitor.offline.DuckDb.identifier;

import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.ValueType;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;

/**
 * Writes point-in-time feature snapshots, one row per scored transaction, to one Parquet file
 * (ZSTD). Columns, in order: {@code transaction_id} VARCHAR, {@code event_timestamp} TIMESTAMP WITH
 * TIME ZONE (UTC, to the millisecond), {@code customer_id}, {@code merchant_id}, {@code
 * counterparty_id} VARCHAR, {@code amount} DOUBLE, one column per feature in registry order named
 * as the feature (BIGINT for {@link ValueType#INT}, DOUBLE otherwise), then the label columns.
 *
 * <p>Nothing appears under the file's name until {@link #close()}, which writes the file and
 * renames it into place, replacing any file of that name. A {@link #write} that throws, for invalid
 * input too, fails the writer: {@code close()} then discards the rows, so a snapshot is either
 * complete or absent. {@link #abort()} discards on the caller's own failure. Rows are read back in
 * the order written. Not thread-safe.
 *
 * <pre>{@code
 * try (SnapshotWriter w = SnapshotWriter.create(file, registry, List.of(label))) {
 *   w.write(SnapshotRow.of(transaction, features, isLaundering));
 * }
 * }</pre>
 */
public final class SnapshotWriter implements AutoCloseable {
  private static final String DOUBLES = "_doubles";
  private static final String INTS = "_ints";
  // Whole numbers above 2^53 are not all doubles, so they would not round-trip.
  private static final double MAX_EXACT_INT = 0x1p53;

  private final FeatureRegistry registry;
  private final List<LabelColumn> labels;
  private final StagedParquetFile file;
  private final boolean[] isInt;
  private final int[] slot;
  private final double[] doubles;
  private final long[] ints;

  private SnapshotWriter(
      FeatureRegistry registry,
      List<LabelColumn> labels,
      StagedParquetFile file,
      boolean[] isInt,
      int[] slot,
      int doubleCount) {
    this.registry = registry;
    this.labels = labels;
    this.file = file;
    this.isInt = isInt;
    this.slot = slot;
    this.doubles = new double[doubleCount];
    this.ints = new long[isInt.length - doubleCount];
  }

  /**
   * Starts a snapshot file; creates its directory if needed.
   *
   * @param labels the label columns, after the features; may be empty
   * @throws IllegalArgumentException if a label's name is taken by a key column, a feature or
   *     another label, or a feature is named like a key column
   */
  public static SnapshotWriter create(
      Path file, FeatureRegistry registry, List<LabelColumn> labels) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(registry, "registry");
    Map<String, String> taken = SnapshotColumns.taken(registry);
    List<LabelColumn> checked = LabelColumn.checkNames(labels, taken);

    // Features are staged as two fixed-size arrays, one append call each: appending 60 values
    // one by one costs about 90 ns each and made the appender four times slower.
    int n = registry.size();
    boolean[] isInt = new boolean[n];
    int[] slot = new int[n];
    int doubleCount = 0;
    int intCount = 0;
    StringJoiner select = new StringJoiner(", ");
    SnapshotColumns.KEYS.keySet().forEach(k -> select.add(identifier(k)));
    for (int j = 0; j < n; j++) {
      FeatureDefinition feature = registry.get(j);
      isInt[j] = feature.type() == ValueType.INT;
      slot[j] = isInt[j] ? intCount++ : doubleCount++;
      select.add(
          (isInt[j] ? INTS : DOUBLES) + "[" + (slot[j] + 1) + "] AS " + identifier(feature.name()));
    }
    StringJoiner columns = new StringJoiner(", ");
    SnapshotColumns.KEYS.forEach((name, type) -> columns.add(identifier(name) + " " + type));
    if (doubleCount > 0) {
      columns.add(DOUBLES + " DOUBLE[" + doubleCount + "]");
    }
    if (intCount > 0) {
      columns.add(INTS + " BIGINT[" + intCount + "]");
    }
    for (LabelColumn label : checked) {
      columns.add(identifier(label.name()) + " " + label.type().sqlType());
      select.add(identifier(label.name()));
    }
    StagedParquetFile staged =
        StagedParquetFile.create(file, columns.toString(), select.toString());
    return new SnapshotWriter(registry, checked, staged, isInt, slot, doubleCount);
  }

  /**
   * Appends {@code row}.
   *
   * @throws IllegalArgumentException if the row does not have one value per feature and per label,
   *     a feature value is NaN or infinite, an INT feature's value is not a whole number (up to
   *     2^53), or a label value has the wrong type; the writer has then failed
   * @throws IllegalStateException if the writer is closed or failed earlier
   */
  public void write(SnapshotRow row) {
    Objects.requireNonNull(row, "row");
    file.write(row.transactionId(), appender -> append(appender, row));
  }

  private void append(DuckDBAppender appender, SnapshotRow row) throws SQLException {
    stageFeatures(row);
    LabelColumn.checkValues(labels, row.labels(), row.transactionId());
    appender.beginRow();
    appender.append(row.transactionId());
    // TIMESTAMPTZ is stored in microseconds; the appender refuses epoch millis for it.
    appender.appendEpochMicros(row.eventTimestamp().toEpochMilli() * 1000);
    appender.append(row.customerId());
    DuckDb.appendNullable(appender, row.merchantId());
    DuckDb.appendNullable(appender, row.counterpartyId());
    appender.append(row.amount());
    if (doubles.length > 0) {
      appender.append(doubles);
    }
    if (ints.length > 0) {
      appender.append(ints);
    }
    for (int i = 0; i < labels.size(); i++) {
      labels.get(i).type().append(appender, row.label(i));
    }
    appender.endRow();
  }

  /** Checks the row's feature values and sorts them into the two staging arrays. */
  private void stageFeatures(SnapshotRow row) {
    if (row.featureCount() != isInt.length) {
      throw new IllegalArgumentException(
          "transaction '"
              + row.transactionId()
              + "' has "
              + row.featureCount()
              + " feature values; the registry has "
              + isInt.length
              + " features");
    }
    for (int j = 0; j < isInt.length; j++) {
      double v = row.feature(j);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "feature '"
                + registry.get(j).name()
                + "' of transaction '"
                + row.transactionId()
                + "' is "
                + v
                + "; feature values must be finite");
      }
      if (isInt[j]) {
        if (v != Math.rint(v) || Math.abs(v) > MAX_EXACT_INT) {
          throw new IllegalArgumentException(
              "feature '"
                  + registry.get(j).name()
                  + "' is an INT feature, but transaction '"
                  + row.transactionId()
                  + "' has "
                  + v
                  + ", not a whole number of at most 2^53");
        }
        ints[slot[j]] = (long) v;
      } else {
        doubles[slot[j]] = v;
      }
    }
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
   * called, in which case nothing is written. Idempotent.
   *
   * @throws OfflineStoreException if the file cannot be written; whatever had its name before is
   *     left as it was
   */
  @Override
  public void close() {
    file.close();
  }
}

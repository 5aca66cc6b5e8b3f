package io.amlmonitor.offline;

import static io.amlmonitor.offline.DuckDb.identifier;

import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;
import org.duckdb.DuckDBConnection;

/**
 * Reads a snapshot file written by {@link SnapshotWriter} back as {@link SnapshotRow}s, in file
 * order, with the features of a registry. Columns are found by name, so the registry may list fewer
 * features than the file holds, in any order; extra columns are ignored.
 *
 * <p>Values round-trip bit for bit: DOUBLE columns are read as the stored doubles and BIGINT
 * columns as whole numbers. Results are streamed, so a file of any size is read in constant memory.
 * Not thread-safe.
 *
 * <pre>{@code
 * try (SnapshotReader r = SnapshotReader.open(file, registry)) {
 *   while (r.hasNext()) {
 *     SnapshotRow row = r.next();
 *   }
 * }
 * }</pre>
 */
public final class SnapshotReader implements Iterator<SnapshotRow>, AutoCloseable {
  private final Path file;
  private final FeatureRegistry registry;
  private final List<LabelColumn> labels;
  private final boolean[] isInt;
  private final DuckDBConnection connection;
  private final Statement statement;
  private final ResultSet rows;
  private boolean ready;
  private boolean done;

  private SnapshotReader(
      Path file,
      FeatureRegistry registry,
      List<LabelColumn> labels,
      DuckDBConnection connection,
      Statement statement,
      ResultSet rows) {
    this.file = file;
    this.registry = registry;
    this.labels = labels;
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.isInt = new boolean[registry.size()];
    for (int j = 0; j < isInt.length; j++) {
      isInt[j] = registry.get(j).type() == ValueType.INT;
    }
  }

  /** Opens {@code file} without labels. */
  public static SnapshotReader open(Path file, FeatureRegistry registry) {
    return open(file, registry, List.of());
  }

  /**
   * Opens {@code file} and checks that it has the key columns, every feature of {@code registry}
   * and every label of {@code labels}, each with its type.
   *
   * @throws IllegalArgumentException naming every missing or mistyped column
   * @throws OfflineStoreException if the file does not exist or is not Parquet
   */
  public static SnapshotReader open(Path file, FeatureRegistry registry, List<LabelColumn> labels) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(registry, "registry");
    List<LabelColumn> checked = List.copyOf(labels);
    if (!Files.isRegularFile(file)) {
      throw new OfflineStoreException("snapshot file " + file + " does not exist");
    }
    DuckDBConnection connection = null;
    Statement statement = null;
    try {
      connection = DuckDb.open(null);
      Map<String, String> expected = SnapshotColumns.all(registry, checked);
      SnapshotColumns.check(file, expected, DuckDb.describe(connection, file));
      StringJoiner select = new StringJoiner(", ");
      for (String column : expected.keySet()) {
        // Whole milliseconds, as written: no time-zone or calendar conversion on the way back.
        select.add(
            column.equals(SnapshotColumns.EVENT_TIMESTAMP)
                ? "epoch_ms(" + identifier(column) + ")"
                : identifier(column));
      }
      statement = connection.createStatement();
      ResultSet rows = statement.executeQuery("SELECT " + select + " FROM " + DuckDb.parquet(file));
      return new SnapshotReader(file, registry, checked, connection, statement, rows);
    } catch (SQLException e) {
      closeQuietly(statement);
      closeQuietly(connection);
      throw new OfflineStoreException("could not read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(statement);
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * The names of every column of {@code file}, in file order.
   *
   * @throws OfflineStoreException if the file does not exist or is not Parquet
   */
  public static List<String> columnNames(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new OfflineStoreException("snapshot file " + file + " does not exist");
    }
    try (DuckDBConnection connection = DuckDb.open(null)) {
      return List.copyOf(DuckDb.describe(connection, file).keySet());
    } catch (SQLException e) {
      throw new OfflineStoreException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The label columns of {@code file}: every column that is neither a key nor a feature of {@code
   * registry}, in file order, whose type is one a {@link LabelType} holds (others are left out).
   *
   * @throws OfflineStoreException if the file does not exist or is not Parquet
   */
  public static List<LabelColumn> labelColumns(Path file, FeatureRegistry registry) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new OfflineStoreException("snapshot file " + file + " does not exist");
    }
    Map<String, String> taken = SnapshotColumns.taken(registry);
    try (DuckDBConnection connection = DuckDb.open(null)) {
      List<LabelColumn> labels = new java.util.ArrayList<>();
      DuckDb.describe(connection, file)
          .forEach(
              (name, type) -> {
                if (taken.containsKey(name) || !name.matches("[a-z][a-z0-9_]*")) {
                  return;
                }
                for (LabelType t : LabelType.values()) {
                  if (t.sqlType().equals(type)) {
                    labels.add(new LabelColumn(name, t));
                  }
                }
              });
      return List.copyOf(labels);
    } catch (SQLException e) {
      throw new OfflineStoreException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (!ready && !done) {
      try {
        ready = rows.next();
      } catch (SQLException e) {
        throw new OfflineStoreException("could not read " + file + ": " + e.getMessage(), e);
      }
      done = !ready;
    }
    return ready;
  }

  @Override
  public SnapshotRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows in " + file);
    }
    ready = false;
    try {
      return read();
    } catch (SQLException e) {
      throw new OfflineStoreException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private SnapshotRow read() throws SQLException {
    String transactionId = rows.getString(1);
    long millis = rows.getLong(2);
    Instant eventTimestamp = rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    String customerId = rows.getString(3);
    String merchantId = rows.getString(4);
    String counterpartyId = rows.getString(5);
    double amount = rows.getDouble(6);
    if (rows.wasNull()) {
      throw new OfflineStoreException(
          file + ": amount of transaction '" + transactionId + "' is null");
    }
    int column = 7;
    double[] features = new double[isInt.length];
    for (int j = 0; j < features.length; j++, column++) {
      features[j] = isInt[j] ? rows.getLong(column) : rows.getDouble(column);
      if (rows.wasNull()) {
        throw new OfflineStoreException(
            file
                + ": feature '"
                + registry.get(j).name()
                + "' of transaction '"
                + transactionId
                + "' is null");
      }
    }
    Object[] values = new Object[labels.size()];
    for (int i = 0; i < values.length; i++, column++) {
      values[i] = labels.get(i).type().read(rows, column);
    }
    return new SnapshotRow(
        transactionId,
        eventTimestamp,
        customerId,
        merchantId,
        counterpartyId,
        amount,
        features,
        values);
  }

  @Override
  public void close() {
    done = true;
    closeQuietly(rows);
    closeQuietly(statement);
    closeQuietly(connection);
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      // Nothing useful to do: the rows were read or the reader is being abandoned.
    }
  }
}

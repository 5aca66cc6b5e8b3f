package io.amlmonitor.offline;

import static io.amlmonitor.offline.DuckDb.identifier;

import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.duckdb.DuckDBConnection;

/**
 * The offline feature store: a directory holding {@value #SNAPSHOTS_FILE} (features as each
 * transaction was scored) and {@value #TRANSACTIONS_FILE} (raw transactions), plus point-in-time
 * joins of labelled events against the snapshots for training sets.
 */
public final class OfflineStore {
  /** The default directory, relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of("data", "offline");

  public static final String SNAPSHOTS_FILE = "feature_snapshots.parquet";
  public static final String TRANSACTIONS_FILE = "transactions.parquet";

  private static final String ROW = "file_row_number";

  private final Path directory;

  public OfflineStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  public Path directory() {
    return directory;
  }

  public Path snapshots() {
    return directory.resolve(SNAPSHOTS_FILE);
  }

  public Path transactions() {
    return directory.resolve(TRANSACTIONS_FILE);
  }

  /** Starts replacing the snapshot file; see {@link SnapshotWriter#create}. */
  public SnapshotWriter writeSnapshots(FeatureRegistry registry, List<LabelColumn> labels) {
    return SnapshotWriter.create(snapshots(), registry, labels);
  }

  /** Starts replacing the transactions file; see {@link TransactionParquetWriter#create}. */
  public TransactionParquetWriter writeTransactions(List<LabelColumn> labels) {
    return TransactionParquetWriter.create(transactions(), labels);
  }

  /** Opens the snapshot file; see {@link SnapshotReader#open(Path, FeatureRegistry, List)}. */
  public SnapshotReader readSnapshots(FeatureRegistry registry, List<LabelColumn> labels) {
    return SnapshotReader.open(snapshots(), registry, labels);
  }

  /**
   * Builds a training set: each row of {@code events} with the features of the customer's latest
   * snapshot at or before the event's time, never a later one (an ASOF join on {@code customer_id}
   * and {@code event_timestamp}). Events whose customer has no earlier snapshot get null features.
   *
   * <p>A snapshot taken at {@code t} holds features over {@code [t - window, t)}, all known at
   * {@code t}, so joining it to an event at {@code t} or later leaks nothing from the future.
   *
   * @param events a Parquet file with {@code customer_id} VARCHAR and {@code event_timestamp}
   *     (TIMESTAMP WITH TIME ZONE, or TIMESTAMP read as UTC), plus any label columns
   * @param output written atomically: the events' columns in their order, then the features of
   *     {@code registry}; rows in the events' order
   * @return the number of rows written, one per event
   * @throws IllegalArgumentException if a column is missing, or an event column is named like a
   *     feature
   */
  public long pointInTime(Path events, FeatureRegistry registry, Path output) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(output, "output");
    for (Path file : List.of(events, snapshots())) {
      if (!Files.isRegularFile(file)) {
        throw new OfflineStoreException(file + " does not exist");
      }
    }
    Path work = null;
    DuckDBConnection connection = null;
    try {
      work = StagedParquetFile.workDirectory(output);
      connection = DuckDb.open(work.resolve("spill"));
      checkEvents(events, DuckDb.describe(connection, events), registry);
      SnapshotColumns.check(
          snapshots(),
          SnapshotColumns.all(registry, List.of()),
          DuckDb.describe(connection, snapshots()));
      StringJoiner features = new StringJoiner("");
      for (FeatureDefinition f : registry.definitions()) {
        features.add(", s." + identifier(f.name()));
      }
      String query =
          "SELECT e.* EXCLUDE ("
              + ROW
              + ")"
              + features
              + " FROM read_parquet("
              + DuckDb.literal(events.toAbsolutePath().toString())
              + ", file_row_number = true) e ASOF LEFT JOIN "
              + DuckDb.parquet(snapshots())
              + " s ON e.customer_id = s.customer_id"
              + " AND e.event_timestamp >= s.event_timestamp"
              + " ORDER BY e."
              + ROW;
      return StagedParquetFile.copy(connection, query, output.toAbsolutePath(), work);
    } catch (SQLException | IOException e) {
      throw new OfflineStoreException(
          "could not join " + events + " with " + snapshots() + ": " + e.getMessage(), e);
    } finally {
      StagedParquetFile.closeQuietly(connection);
      StagedParquetFile.deleteQuietly(work);
    }
  }

  private static void checkEvents(Path events, Map<String, String> columns, FeatureRegistry r) {
    List<String> problems = new ArrayList<>();
    String customer = columns.get(SnapshotColumns.CUSTOMER_ID);
    if (!SnapshotColumns.VARCHAR.equals(customer)) {
      problems.add("needs a VARCHAR column 'customer_id', found " + found(customer));
    }
    String time = columns.get(SnapshotColumns.EVENT_TIMESTAMP);
    if (!SnapshotColumns.TIMESTAMPTZ.equals(time) && !"TIMESTAMP".equals(time)) {
      problems.add(
          "needs a TIMESTAMP WITH TIME ZONE column 'event_timestamp', found " + found(time));
    }
    if (columns.containsKey(ROW)) {
      problems.add("has a column '" + ROW + "', which the join uses to keep the events' order");
    }
    for (FeatureDefinition f : r.definitions()) {
      if (columns.containsKey(f.name())) {
        problems.add("has a column '" + f.name() + "', the name of a feature");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "events file " + events + ": " + String.join("; ", problems));
    }
  }

  private static String found(String type) {
    return type == null ? "none" : type;
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.offline.SnapshotReader;
import io.amlmonitor.offline.SnapshotRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `aml backfill` and `aml consistency-check` end to end, on a small generated dataset. */
class OfflineCommandsTest {
  @TempDir static Path dir;
  static Path dataset;

  @BeforeAll
  static void generate() {
    dataset = dir.resolve("dataset");
    assertThat(
            run(() ->
                    Main.execute(
                        "generate",
                        "--customers",
                        "300",
                        "--merchants",
                        "40",
                        "--days",
                        "8",
                        "--seed",
                        "11",
                        "--out",
                        dataset.toString()))
                .code())
        .isZero();
  }

  @Test
  void backfillWritesOnePointInTimeSnapshotPerTransactionWithLabels() throws Exception {
    Path out = dir.resolve("offline");
    Result r =
        run(() -> Main.execute("backfill", "--input", dataset.toString(), "--out", out.toString()));

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).contains("point-in-time feature snapshots", "profiles from");
    long lines;
    try (var stream = Files.lines(dataset.resolve("transactions.csv"))) {
      lines = stream.count() - 1;
    }
    FeatureRegistry registry = FeatureRegistry.standard();
    long rows = 0;
    try (SnapshotReader reader =
        SnapshotReader.open(out.resolve("feature_snapshots.parquet"), registry, Backfill.LABELS)) {
      while (reader.hasNext()) {
        SnapshotRow row = reader.next();
        rows++;
        assertThat(row.labels()).hasSize(2);
      }
    }
    assertThat(rows).isEqualTo(lines);
    try (var db = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT count(*), count(DISTINCT customer_id), sum(is_laundering::INT),"
                        + " min(event_timestamp) <= max(event_timestamp) FROM '"
                        + out.resolve("feature_snapshots.parquet")
                        + "' WHERE txn_count_24h >= 0 AND typology IS NOT NULL")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(lines);
      assertThat(rs.getLong(2)).isGreaterThan(100);
      assertThat(rs.getLong(3)).isPositive();
      assertThat(rs.getBoolean(4)).isTrue();
    }
    assertThat(out.resolve("transactions.parquet")).exists();
    assertThat(SnapshotReader.columnNames(out.resolve("feature_snapshots.parquet")))
        .as("the payer's graph features, from the graph the replay kept")
        .containsAll(GraphFeatures.registry(registry).names());
  }

  @Test
  void backfillWithoutTheGraphWritesTheEngineFeaturesOnly() {
    Path out = dir.resolve("offline-no-graph");
    Result r =
        run(
            () ->
                Main.execute(
                    "backfill",
                    "--input",
                    dataset.toString(),
                    "--out",
                    out.toString(),
                    "--graph",
                    "off"));

    assertThat(r.code()).as(r.output()).isZero();
    List<String> columns = SnapshotReader.columnNames(out.resolve("feature_snapshots.parquet"));
    assertThat(columns).containsAll(FeatureRegistry.standard().names());
    assertThat(columns).noneMatch(c -> c.startsWith("graph_"));
  }

  @Test
  void backfillSetsUnreadableRowsAsideWithTheirLineAndKeepsGoing() throws Exception {
    Path input = dir.resolve("bad.csv");
    var lines = Files.readAllLines(dataset.resolve("transactions.csv"));
    lines.add(3, "T-bad,not-a-time,C1,M1,,12.00,BRL,card,,,BR,BR,false,normal");
    Files.write(input, lines);
    Path out = dir.resolve("offline-bad");

    Result r =
        run(() -> Main.execute("backfill", "--input", input.toString(), "--out", out.toString()));

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).contains("unreadable rows: 1");
    assertThat(Files.readString(out.resolve("rejected.csv")))
        .contains("4,")
        .contains("timestamp")
        .contains("T-bad");
  }

  @Test
  void liveAndBackfilledFeaturesAgreeBitForBit() {
    Result r =
        run(
            () ->
                Main.execute(
                    "consistency-check",
                    "--input",
                    dataset.resolve("transactions.csv").toString()));

    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output())
        .contains(" 0 mismatching value(s), 0 transaction(s) missing", "Consistent");
  }

  @Test
  void snapshotsBuiltWithAnotherTimezoneAreReportedAsMismatchesAndFailTheCheck() {
    Path out = dir.resolve("offline-utc");
    assertThat(
            run(() ->
                    Main.execute(
                        "backfill",
                        "--input",
                        dataset.toString(),
                        "--out",
                        out.toString(),
                        "--timezone",
                        "UTC"))
                .code())
        .isZero();

    Result r =
        run(
            () ->
                Main.execute(
                    "consistency-check",
                    "--input",
                    dataset.toString(),
                    "--timezone",
                    "Asia/Tokyo",
                    "--snapshots",
                    out.resolve("feature_snapshots.parquet").toString()));

    assertThat(r.code()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("night_txn_count_24h", "Inconsistent");
  }

  record Result(int code, String output) {}

  private static Result run(Supplier<Integer> command) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = command.get();
    } finally {
      System.setOut(original);
    }
    return new Result(code, captured.toString(StandardCharsets.UTF_8));
  }
}

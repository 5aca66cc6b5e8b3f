package io.amlmonitor.offline;

import static io.amlmonitor.offline.TestData.IS_LAUNDERING;
import static io.amlmonitor.offline.TestData.T0;
import static io.amlmonitor.offline.TestData.TYPOLOGY;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.FeatureRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRoundTripTest {
  private static final FeatureRegistry REGISTRY = TestData.registry();
  private static final List<LabelColumn> LABELS =
      List.of(
          IS_LAUNDERING,
          TYPOLOGY,
          new LabelColumn("case_id", LabelType.BIGINT),
          new LabelColumn("risk", LabelType.DOUBLE));
  // Doubles that a lossy path (text, float, decimal) would change.
  private static final double[] AWKWARD = {
    -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 1.0 / 3, 1e-300, 123456.78901234567
  };

  @TempDir Path dir;

  private static List<SnapshotRow> rows(int n) {
    SplittableRandom random = new SplittableRandom(20260304);
    List<SnapshotRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double sum = i < AWKWARD.length ? AWKWARD[i] : random.nextDouble() * 10_000;
      double[] features = {
        random.nextInt(100), sum, random.nextInt(5), sum / 3, random.nextDouble(0, 30)
      };
      Object[] labels = {
        i % 7 == 0 ? null : i % 2 == 0,
        i % 5 == 0 ? null : "typology_" + (i % 3),
        i % 4 == 0 ? null : (long) i * 1_000_003L,
        i % 6 == 0 ? null : random.nextDouble()
      };
      boolean toMerchant = i % 3 != 0;
      rows.add(
          new SnapshotRow(
              "T" + i,
              T0.plusMillis(i * 997L),
              "C" + (i % 17),
              toMerchant ? "M" + (i % 5) : null,
              toMerchant && i % 2 == 0 ? null : "C" + (i % 11),
              random.nextInt(1_000_000) / 100.0,
              features,
              labels));
    }
    return rows;
  }

  private Path write(List<SnapshotRow> rows) {
    Path file = dir.resolve("snapshots.parquet");
    try (SnapshotWriter writer = SnapshotWriter.create(file, REGISTRY, LABELS)) {
      rows.forEach(writer::write);
      assertThat(writer.rowCount()).isEqualTo(rows.size());
    }
    return file;
  }

  private static List<SnapshotRow> readAll(Path file) {
    List<SnapshotRow> read = new ArrayList<>();
    try (SnapshotReader reader = SnapshotReader.open(file, REGISTRY, LABELS)) {
      reader.forEachRemaining(read::add);
    }
    return read;
  }

  @Test
  void rowsReadBackEqualBitForBitInTheOrderWritten() {
    List<SnapshotRow> rows = rows(5_000);

    List<SnapshotRow> read = readAll(write(rows));

    assertThat(read).containsExactlyElementsOf(rows);
    assertThat(Double.doubleToRawLongBits(read.get(0).feature(1)))
        .as("negative zero survives")
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void nullKeysAndLabelsStayNull() {
    List<SnapshotRow> read = readAll(write(rows(10)));

    SnapshotRow transfer = read.get(0);
    assertThat(transfer.merchantId()).isNull();
    assertThat(transfer.counterpartyId()).isEqualTo("C0");
    assertThat(read.get(2).counterpartyId()).isNull();
    assertThat(transfer.labels()).containsExactly(null, null, null, null);
    assertThat(read.get(1).labels())
        .containsExactly(false, "typology_1", 1_000_003L, read.get(1).label(3));
  }

  @Test
  void columnsHaveTheSpecifiedOrderAndTypes() {
    Path file = write(rows(3));

    assertThat(TestData.describe(file))
        .containsExactly(
            "transaction_id VARCHAR",
            "event_timestamp TIMESTAMP WITH TIME ZONE",
            "customer_id VARCHAR",
            "merchant_id VARCHAR",
            "counterparty_id VARCHAR",
            "amount DOUBLE",
            "txn_count_1h BIGINT",
            "txn_amount_sum_1h DOUBLE",
            "unique_ips_1h BIGINT",
            "avg_txn_amount_1h DOUBLE",
            "days_since_last_txn DOUBLE",
            "is_laundering BOOLEAN",
            "typology VARCHAR",
            "case_id BIGINT",
            "risk DOUBLE");
  }

  @Test
  void eventTimeIsAUtcTimestampExactToTheMillisecond() {
    Path file = write(rows(3));

    assertThat(TestData.query("SELECT epoch_ms(event_timestamp) FROM '" + file + "'"))
        .extracting(r -> r.get(0))
        .containsExactly(T0.toEpochMilli(), T0.toEpochMilli() + 997, T0.toEpochMilli() + 1994);
    // What pandas (pyarrow) and Feast see: an INT64 timestamp adjusted to UTC.
    assertThat(
            TestData.query(
                    "SELECT logical_type FROM parquet_schema('"
                        + file
                        + "') WHERE name = 'event_timestamp'")
                .get(0)
                .get(0)
                .toString())
        .contains("TimestampType(isAdjustedToUTC=1");
  }

  @Test
  void eventTimeFinerThanAMillisecondIsTruncatedToTheMillisecond() {
    SnapshotRow row = TestData.row("T1", T0.plusNanos(999_999));

    assertThat(row.eventTimestamp()).isEqualTo(T0);
    assertThat(readAllPlain(writePlain(row))).containsExactly(row);
  }

  @Test
  void fileIsCompressedWithZstd() {
    Path file = write(rows(100));

    assertThat(TestData.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
        .extracting(r -> r.get(0))
        .containsExactly("ZSTD");
  }

  @Test
  void readerTakesFeaturesByNameSoASubsetInAnotherOrderWorks() {
    Path file = write(rows(20));
    FeatureRegistry subset =
        new FeatureRegistry(
            List.of(REGISTRY.get(3), REGISTRY.get(0))); // avg_txn_amount_1h, txn_count_1h

    try (SnapshotReader reader = SnapshotReader.open(file, subset)) {
      SnapshotRow first = reader.next();
      SnapshotRow original = rows(1).get(0);
      assertThat(first.features()).containsExactly(original.feature(3), original.feature(0));
      assertThat(first.labels()).isEmpty();
    }
  }

  @Test
  void emptySnapshotIsAValidFileWithTheColumns() {
    Path file = write(List.of());

    assertThat(TestData.count(file)).isZero();
    assertThat(TestData.describe(file)).hasSize(15);
    assertThat(readAll(file)).isEmpty();
  }

  private Path writePlain(SnapshotRow row) {
    Path file = dir.resolve("plain.parquet");
    try (SnapshotWriter writer = SnapshotWriter.create(file, REGISTRY, List.of())) {
      writer.write(row);
    }
    return file;
  }

  private static List<SnapshotRow> readAllPlain(Path file) {
    List<SnapshotRow> read = new ArrayList<>();
    try (SnapshotReader reader = SnapshotReader.open(file, REGISTRY)) {
      reader.forEachRemaining(read::add);
    }
    return read;
  }
}

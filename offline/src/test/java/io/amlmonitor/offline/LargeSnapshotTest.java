package io.amlmonitor.offline;

import static io.amlmonitor.offline.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.FeatureRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeSnapshotTest {
  @TempDir Path dir;

  @Test
  void millionRowSnapshotReadsBackEveryRowInTheOrderWritten() {
    FeatureRegistry registry = TestData.registry();
    Path file = dir.resolve("snapshots.parquet");
    int n = 1_000_000;
    double[] features = {3, 37.5, 2, 12.5, 0.25};

    try (SnapshotWriter writer = SnapshotWriter.create(file, registry, List.of())) {
      for (int i = 0; i < n; i++) {
        features[0] = i % 50;
        writer.write(
            new SnapshotRow(
                "T" + i, T0.plusMillis(i), "C" + (i % 10_000), "M1", null, 1, features, null));
      }
    }

    assertThat(TestData.count(file)).isEqualTo(n);
    assertThat(
            TestData.query(
                    "SELECT count(*) FROM read_parquet('"
                        + file
                        + "', file_row_number = true)"
                        + " WHERE epoch_ms(event_timestamp) - "
                        + T0.toEpochMilli()
                        + " <> file_row_number")
                .get(0)
                .get(0))
        .as("rows out of the order written, across row groups and spilled blocks")
        .isEqualTo(0L);
    try (SnapshotReader reader = SnapshotReader.open(file, registry)) {
      long i = 0;
      while (reader.hasNext()) {
        SnapshotRow row = reader.next();
        if (!row.transactionId().equals("T" + i)) {
          assertThat(row.transactionId()).as("row " + i + " read back").isEqualTo("T" + i);
        }
        i++;
      }
      assertThat(i).isEqualTo(n);
    }
    assertThat(TestData.query("SELECT sum(txn_count_1h) FROM '" + file + "'").get(0).get(0))
        .hasToString(String.valueOf(49L * 50 / 2 * (n / 50)));
  }
}

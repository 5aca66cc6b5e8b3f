package io.amlmonitor.offline;

import static io.amlmonitor.offline.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.FeatureRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures writing and reading 1,000,000 rows × 60 features (the shape of a real snapshot) and
 * prints the times. Too slow for every build; run it with {@code -Daml.offline.throughput=true}
 * (see docs/offline-store.md).
 */
@EnabledIfSystemProperty(named = "aml.offline.throughput", matches = "true")
class SnapshotThroughputTest {
  private static final int ROWS = 1_000_000;
  private static final int FEATURES = 60;

  @TempDir Path dir;

  @Test
  void millionRowsOfSixtyFeatures() throws Exception {
    FeatureRegistry registry = TestData.wide(FEATURES);
    List<LabelColumn> labels = List.of(TestData.IS_LAUNDERING);
    Path file = dir.resolve("snapshots.parquet");
    SplittableRandom random = new SplittableRandom(42);
    double[] features = new double[FEATURES];

    long start = System.nanoTime();
    try (SnapshotWriter writer = SnapshotWriter.create(file, registry, labels)) {
      for (int i = 0; i < ROWS; i++) {
        for (int j = 0; j < FEATURES; j++) {
          features[j] = j % 3 == 0 ? random.nextInt(100) : random.nextDouble() * 1000;
        }
        boolean toMerchant = i % 4 != 0;
        writer.write(
            new SnapshotRow(
                "T" + i,
                T0.plusMillis(i * 40L),
                "C" + (i % 100_000),
                toMerchant ? "M" + (i % 5_000) : null,
                toMerchant ? null : "C" + (i % 99_991),
                random.nextInt(1_000_000) / 100.0,
                features,
                new Object[] {i % 100 == 0}));
      }
    }
    double writeSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    long rows = 0;
    double checksum = 0;
    try (SnapshotReader reader = SnapshotReader.open(file, registry, labels)) {
      while (reader.hasNext()) {
        checksum += reader.next().feature(FEATURES - 1);
        rows++;
      }
    }
    double readSeconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(
        "snapshot %,d rows x %d features: write %.2f s (%,.0f rows/s), read %.2f s (%,.0f rows/s),"
            + " file %,d MiB (checksum %.1f)%n",
        ROWS,
        FEATURES,
        writeSeconds,
        ROWS / writeSeconds,
        readSeconds,
        ROWS / readSeconds,
        Files.size(file) >> 20,
        checksum);
    assertThat(rows).isEqualTo(ROWS);
  }
}

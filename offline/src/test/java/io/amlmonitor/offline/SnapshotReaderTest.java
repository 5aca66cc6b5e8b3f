package io.amlmonitor.offline;

import static io.amlmonitor.core.feature.Aggregation.COUNT;
import static io.amlmonitor.core.feature.Aggregation.SUM;
import static io.amlmonitor.offline.TestData.IS_LAUNDERING;
import static io.amlmonitor.offline.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.feature.FeatureRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeTwoRows() {
    file = dir.resolve("snapshots.parquet");
    try (SnapshotWriter writer =
        SnapshotWriter.create(file, TestData.registry(), List.of(IS_LAUNDERING))) {
      writer.write(TestData.row("T1", T0, true));
      writer.write(TestData.row("T2", T0.plusSeconds(1), (Object) null));
    }
  }

  @Test
  void registryFeatureMissingFromTheFileIsNamed() {
    FeatureRegistry newer =
        new FeatureRegistry(
            List.of(
                TestData.feature("txn_count_1h", COUNT), TestData.feature("txn_count_5m", COUNT)));

    assertThatThrownBy(() -> SnapshotReader.open(file, newer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "snapshot file " + file + " does not match: column 'txn_count_5m' (BIGINT) is missing");
  }

  @Test
  void featureWhoseTypeChangedIsNamedWithBothTypes() {
    FeatureRegistry changed = new FeatureRegistry(List.of(TestData.feature("txn_count_1h", SUM)));

    assertThatThrownBy(() -> SnapshotReader.open(file, changed))
        .hasMessageEndingWith("column 'txn_count_1h' is BIGINT, expected DOUBLE");
  }

  @Test
  void missingLabelColumnIsNamed() {
    LabelColumn typology = new LabelColumn("typology", LabelType.STRING);

    assertThatThrownBy(() -> SnapshotReader.open(file, TestData.registry(), List.of(typology)))
        .hasMessageEndingWith("column 'typology' (VARCHAR) is missing");
  }

  @Test
  void missingFileIsReportedAsSuch() {
    Path absent = dir.resolve("absent.parquet");

    assertThatThrownBy(() -> SnapshotReader.open(absent, TestData.registry()))
        .isInstanceOf(OfflineStoreException.class)
        .hasMessage("snapshot file " + absent + " does not exist");
  }

  @Test
  void readerEndsAfterTheLastRow() {
    try (SnapshotReader reader =
        SnapshotReader.open(file, TestData.registry(), List.of(IS_LAUNDERING))) {
      assertThat(reader.next().label(0)).isEqualTo(true);
      assertThat(reader.next().label(0)).isNull();
      assertThat(reader.hasNext()).isFalse();
      assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }
  }
}

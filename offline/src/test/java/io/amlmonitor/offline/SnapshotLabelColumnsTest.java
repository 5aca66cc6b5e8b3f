package io.amlmonitor.offline;

import static io.amlmonitor.offline.TestData.IS_LAUNDERING;
import static io.amlmonitor.offline.TestData.T0;
import static io.amlmonitor.offline.TestData.TYPOLOGY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLabelColumnsTest {
  @TempDir Path dir;

  @Test
  void theColumnsAfterTheFeaturesAreTheLabelsWithTheirTypes() {
    Path file = dir.resolve("snapshots.parquet");
    LabelColumn caseId = new LabelColumn("case_id", LabelType.BIGINT);
    try (SnapshotWriter writer =
        SnapshotWriter.create(
            file, TestData.registry(), List.of(IS_LAUNDERING, TYPOLOGY, caseId))) {
      writer.write(TestData.row("T1", T0, true, "fan_in", 7L));
    }

    assertThat(SnapshotReader.labelColumns(file, TestData.registry()))
        .containsExactly(IS_LAUNDERING, TYPOLOGY, caseId);
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("none.parquet");

    assertThatThrownBy(() -> SnapshotReader.labelColumns(missing, TestData.registry()))
        .isInstanceOf(OfflineStoreException.class)
        .hasMessageContaining("none.parquet does not exist");
  }
}

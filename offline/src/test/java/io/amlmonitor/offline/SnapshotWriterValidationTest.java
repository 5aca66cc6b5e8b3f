package io.amlmonitor.offline;

import static io.amlmonitor.core.feature.Aggregation.COUNT;
import static io.amlmonitor.offline.TestData.IS_LAUNDERING;
import static io.amlmonitor.offline.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.feature.FeatureRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterValidationTest {
  private static final FeatureRegistry REGISTRY = TestData.registry();

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("snapshots.parquet");
  }

  private SnapshotRow withFeatures(double... features) {
    return new SnapshotRow("T9", T0, "C1", "M1", null, 10, features, null);
  }

  private List<Path> dirContents() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void rowWithTheWrongNumberOfFeaturesIsRejectedWithBothCounts() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      assertThatThrownBy(() -> writer.write(withFeatures(1, 2, 3)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("transaction 'T9' has 3 feature values; the registry has 5 features");
    }
  }

  @Test
  void nanFeatureIsRejectedNamingTheFeature() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      assertThatThrownBy(() -> writer.write(withFeatures(1, 2, 3, Double.NaN, 5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "feature 'avg_txn_amount_1h' of transaction 'T9' is NaN; feature values must be"
                  + " finite");
    }
  }

  @Test
  void infiniteFeatureIsRejectedNamingTheFeature() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      assertThatThrownBy(() -> writer.write(withFeatures(1, Double.NEGATIVE_INFINITY, 3, 4, 5)))
          .hasMessageStartingWith("feature 'txn_amount_sum_1h' of transaction 'T9' is -Infinity");
    }
  }

  @Test
  void fractionalValueOfAnIntFeatureIsRejected() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      assertThatThrownBy(() -> writer.write(withFeatures(1.5, 2, 3, 4, 5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'txn_count_1h' is an INT feature")
          .hasMessageContaining("1.5");
    }
  }

  @Test
  void labelNamedLikeAFeatureIsRejected() {
    LabelColumn clash = new LabelColumn("txn_count_1h", LabelType.BOOLEAN);

    assertThatThrownBy(() -> SnapshotWriter.create(file(), REGISTRY, List.of(clash)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label column 'txn_count_1h' clashes with the feature of the same name");
    assertThat(file()).doesNotExist();
  }

  @Test
  void labelNamedLikeAKeyColumnIsRejected() {
    LabelColumn clash = new LabelColumn("amount", LabelType.DOUBLE);

    assertThatThrownBy(() -> SnapshotWriter.create(file(), REGISTRY, List.of(clash)))
        .hasMessage("label column 'amount' clashes with the key column of the same name");
  }

  @Test
  void labelListedTwiceIsRejected() {
    assertThatThrownBy(
            () -> SnapshotWriter.create(file(), REGISTRY, List.of(IS_LAUNDERING, IS_LAUNDERING)))
        .hasMessage("label column 'is_laundering' is listed twice");
  }

  @Test
  void labelNameMustBeSnakeCase() {
    assertThatThrownBy(() -> new LabelColumn("IsFraud", LabelType.BOOLEAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label column name 'IsFraud' must be snake_case");
  }

  @Test
  void featureNamedLikeAKeyColumnIsRejected() {
    FeatureRegistry registry = new FeatureRegistry(List.of(TestData.feature("amount", COUNT)));

    assertThatThrownBy(() -> SnapshotWriter.create(file(), registry, List.of()))
        .hasMessage("feature 'amount' clashes with the snapshot's key column of that name");
  }

  @Test
  void labelValueOfTheWrongTypeIsRejectedNamingTheLabel() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of(IS_LAUNDERING))) {
      assertThatThrownBy(() -> writer.write(TestData.row("T1", T0, "yes")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "label 'is_laundering' of transaction 'T1' is a String (yes); the column is"
                  + " BOOLEAN");
    }
  }

  @Test
  void missingLabelValuesAreRejected() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of(IS_LAUNDERING))) {
      assertThatThrownBy(() -> writer.write(TestData.row("T1", T0)))
          .hasMessage(
              "transaction 'T1' has 0 label values; the file has 1 label columns"
                  + " [is_laundering]");
    }
  }

  @Test
  void writerClosedAfterAFailedWriteLeavesNoFileAndNoWorkDirectory() throws IOException {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      writer.write(TestData.row("T1", T0));
      assertThatThrownBy(() -> writer.write(withFeatures(Double.NaN, 2, 3, 4, 5)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.write(TestData.row("T2", T0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("failed earlier");
    }

    assertThat(dirContents()).isEmpty();
  }

  @Test
  void exceptionInTheCallersLoopWithAbortLeavesThePreviousFileAsItWas() throws IOException {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      writer.write(TestData.row("OLD", T0));
    }
    long before = Files.size(file());

    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      writer.write(TestData.row("NEW", T0));
      writer.abort();
    }

    assertThat(Files.size(file())).isEqualTo(before);
    assertThat(TestData.query("SELECT transaction_id FROM '" + file() + "'"))
        .containsExactly(List.of("OLD"));
    assertThat(dirContents()).containsExactly(file());
  }

  @Test
  void nothingHasTheFinalNameUntilClose() {
    try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
      writer.write(TestData.row("T1", T0));
      assertThat(file()).doesNotExist();
    }
    assertThat(file()).exists();
  }

  @Test
  void closeReplacesAnEarlierFile() {
    for (String id : List.of("FIRST", "SECOND")) {
      try (SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of())) {
        writer.write(TestData.row(id, T0));
      }
    }

    assertThat(TestData.query("SELECT transaction_id FROM '" + file() + "'"))
        .containsExactly(List.of("SECOND"));
  }

  @Test
  void writeAfterCloseIsRefused() {
    SnapshotWriter writer = SnapshotWriter.create(file(), REGISTRY, List.of());
    writer.close();
    writer.close();

    assertThatThrownBy(() -> writer.write(TestData.row("T1", T0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void rowWithoutACustomerIsRejected() {
    assertThatThrownBy(
            () -> new SnapshotRow("T1", T0, " ", null, null, 1, new double[0], new Object[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customer_id of T1 is required, was ' '");
  }
}

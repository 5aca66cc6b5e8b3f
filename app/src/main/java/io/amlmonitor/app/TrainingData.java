package io.amlmonitor.app;

import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.ml.Dataset;
import io.amlmonitor.offline.LabelColumn;
import io.amlmonitor.offline.LabelType;
import io.amlmonitor.offline.OfflineStore;
import io.amlmonitor.offline.SnapshotReader;
import io.amlmonitor.offline.SnapshotRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads point-in-time feature snapshots (as {@code aml backfill} writes them) into a {@link
 * Dataset}: the amount and every feature of the registry, the binary label and, when the file has a
 * {@value #TYPOLOGY} column, the typology. Rows without a label are left out and counted.
 *
 * <p>The app reads the Parquet file and hands rows to {@code ml}, so the {@code ml} module needs
 * neither DuckDB nor the offline store's layout.
 */
final class TrainingData {
  static final String DEFAULT_LABEL = "is_laundering";
  static final String TYPOLOGY = "typology";
  static final String AMOUNT = "amount";

  /** A problem with the input, told to the user as message {@code key} with {@code args}. */
  static final class InputProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String key;
    final transient Object[] args;

    InputProblem(String key, Object... args) {
      super(key);
      this.key = key;
      this.args = args;
    }
  }

  /** The examples read and the rows left out for want of a label. */
  record Loaded(Path file, Dataset dataset, long unlabelled) {}

  private TrainingData() {}

  /** The snapshot file: {@code input} itself, or the snapshot file in the directory. */
  static Path snapshotFile(Path input) {
    Path file = Files.isDirectory(input) ? input.resolve(OfflineStore.SNAPSHOTS_FILE) : input;
    if (!Files.isRegularFile(file)) {
      throw new InputProblem("train.noInput", file.toString());
    }
    return file;
  }

  /** The features a model reads, in row order: the amount, then the registry's. */
  static List<String> featureNames(FeatureRegistry registry) {
    List<String> names = new ArrayList<>();
    names.add(AMOUNT);
    names.addAll(registry.names());
    return names;
  }

  /**
   * Reads {@code input}.
   *
   * @throws InputProblem if the file or the label column is missing, or a label is not binary
   */
  static Loaded read(Path input, String label, FeatureRegistry registry) {
    Path file = snapshotFile(input);
    List<LabelColumn> columns = SnapshotReader.labelColumns(file, registry);
    LabelColumn labelColumn =
        columns.stream()
            .filter(c -> c.name().equals(label))
            .findFirst()
            .orElseThrow(
                () ->
                    new InputProblem(
                        "train.noLabel",
                        file.toString(),
                        label,
                        columns.isEmpty()
                            ? "-"
                            : String.join(", ", columns.stream().map(LabelColumn::name).toList())));
    if (labelColumn.type() == LabelType.STRING) {
      throw new InputProblem("train.badLabel", label, labelColumn.type().sqlType());
    }
    List<LabelColumn> wanted = new ArrayList<>(List.of(labelColumn));
    columns.stream()
        .filter(
            c ->
                c.name().equals(TYPOLOGY)
                    && c.type() == LabelType.STRING
                    && !label.equals(TYPOLOGY))
        .findFirst()
        .ifPresent(wanted::add);
    boolean typology = wanted.size() > 1;
    Dataset.Builder builder = Dataset.builder(featureNames(registry));
    long unlabelled = 0;
    try (SnapshotReader reader = SnapshotReader.open(file, registry, wanted)) {
      while (reader.hasNext()) {
        SnapshotRow row = reader.next();
        Object value = row.label(0);
        if (value == null) {
          unlabelled++;
          continue;
        }
        double[] x = new double[row.featureCount() + 1];
        x[0] = row.amount();
        for (int j = 0; j < row.featureCount(); j++) {
          x[j + 1] = row.feature(j);
        }
        builder.add(
            row.eventTimestamp().toEpochMilli(),
            x,
            binary(label, value, row.transactionId()),
            typology ? (String) row.label(1) : null);
      }
    }
    return new Loaded(file, builder.build(), unlabelled);
  }

  private static boolean binary(String label, Object value, String transactionId) {
    if (value instanceof Boolean b) {
      return b;
    }
    double v = ((Number) value).doubleValue();
    if (v == 0 || v == 1) {
      return v == 1;
    }
    throw new InputProblem("train.labelValue", label, String.valueOf(value), transactionId);
  }
}

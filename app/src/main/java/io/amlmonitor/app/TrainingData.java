package io.amlmonitor.app;

import io.amlmonitor.core.cases.FeedbackLabels;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.ml.Dataset;
import io.amlmonitor.offline.LabelColumn;
import io.amlmonitor.offline.LabelType;
import io.amlmonitor.offline.OfflineStore;
import io.amlmonitor.offline.SnapshotReader;
import io.amlmonitor.offline.SnapshotRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  record Loaded(Path file, Dataset dataset, long unlabelled, FeedbackApplied feedback) {}

  /**
   * What analysts' verdicts did to the labels.
   *
   * @param changed rows whose label column said the opposite
   * @param confirmed rows whose label column said the same
   * @param added rows without a label (or without a label column) that got one
   * @param unmatched verdicts on transactions that are not in the snapshots
   */
  record FeedbackApplied(int verdicts, int changed, int confirmed, int added, int unmatched) {}

  /** Stands for "no label column": the labels come from verdicts alone. */
  private static final LabelColumn NO_COLUMN =
      new LabelColumn("no_label_column", LabelType.BOOLEAN);

  private TrainingData() {}

  /** The snapshot file: {@code input} itself, or the snapshot file in the directory. */
  static Path snapshotFile(Path input) {
    Path file = Files.isDirectory(input) ? input.resolve(OfflineStore.SNAPSHOTS_FILE) : input;
    if (!Files.isRegularFile(file)) {
      throw new InputProblem("train.noInput", file.toString());
    }
    return file;
  }

  /**
   * The features to train on from {@code input}'s snapshots: the standard catalogue, and the graph
   * features when the file has them (a backfill with graph detection on writes them).
   */
  static FeatureRegistry registryFor(Path input) {
    FeatureRegistry standard = FeatureRegistry.standard();
    List<String> columns = SnapshotReader.columnNames(snapshotFile(input));
    boolean graph = GraphFeatures.DEFINITIONS.stream().allMatch(d -> columns.contains(d.name()));
    return graph ? GraphFeatures.registry(standard) : standard;
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
    return read(input, label, registry, new FeedbackLabels());
  }

  /**
   * Reads {@code input}, analysts' verdicts taking precedence over the label column: a verdict
   * replaces the row's label, and labels a row that had none. With verdicts, a file without the
   * label column is read too: only the rows with a verdict are then labelled.
   *
   * @throws InputProblem if the file or the label column is missing, or a label is not binary
   */
  static Loaded read(Path input, String label, FeatureRegistry registry, FeedbackLabels feedback) {
    Path file = snapshotFile(input);
    List<LabelColumn> columns = SnapshotReader.labelColumns(file, registry);
    LabelColumn labelColumn =
        columns.stream()
            .filter(c -> c.name().equals(label))
            .findFirst()
            .or(() -> feedback.isEmpty() ? Optional.empty() : Optional.of(NO_COLUMN))
            .orElseThrow(
                () ->
                    new InputProblem(
                        "train.noLabel",
                        file.toString(),
                        label,
                        columns.isEmpty()
                            ? "-"
                            : String.join(", ", columns.stream().map(LabelColumn::name).toList())));
    boolean hasColumn = labelColumn != NO_COLUMN;
    if (hasColumn && labelColumn.type() == LabelType.STRING) {
      throw new InputProblem("train.badLabel", label, labelColumn.type().sqlType());
    }
    List<LabelColumn> wanted = new ArrayList<>();
    if (hasColumn) {
      wanted.add(labelColumn);
    }
    columns.stream()
        .filter(
            c ->
                c.name().equals(TYPOLOGY)
                    && c.type() == LabelType.STRING
                    && !label.equals(TYPOLOGY))
        .findFirst()
        .ifPresent(wanted::add);
    int typologyIndex = wanted.size() - 1;
    boolean typology = wanted.size() > (hasColumn ? 1 : 0);
    Dataset.Builder builder = Dataset.builder(featureNames(registry));
    long unlabelled = 0;
    int changed = 0;
    int confirmed = 0;
    int added = 0;
    Set<String> matched = new HashSet<>();
    try (SnapshotReader reader = SnapshotReader.open(file, registry, wanted)) {
      while (reader.hasNext()) {
        SnapshotRow row = reader.next();
        Object value = hasColumn ? row.label(0) : null;
        Optional<Boolean> verdict = feedback.label(row.transactionId());
        Boolean y = value == null ? null : binary(label, value, row.transactionId());
        if (verdict.isPresent()) {
          matched.add(row.transactionId());
          if (y == null) {
            added++;
          } else if (y.equals(verdict.get())) {
            confirmed++;
          } else {
            changed++;
          }
          y = verdict.get();
        }
        if (y == null) {
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
            y,
            typology ? (String) row.label(typologyIndex) : null);
      }
    }
    FeedbackApplied applied =
        new FeedbackApplied(
            feedback.size(), changed, confirmed, added, feedback.size() - matched.size());
    return new Loaded(file, builder.build(), unlabelled, applied);
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

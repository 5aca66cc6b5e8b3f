package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training end to end on a small synthetic set. */
class ModelTrainingTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  static Dataset data;
  static TrainingReport report;
  static List<Trial> seen = new ArrayList<>();

  @BeforeAll
  static void train() {
    data = Synthetic.dataset(4000, 11);
    report =
        new ModelTraining(CLOCK)
            .train(data, "is_laundering", TrainingOptions.of(3, 42, 1), listener());
  }

  static ModelTraining.Listener listener() {
    return new ModelTraining.Listener() {
      @Override
      public void split(TimeSplit split, double scalePosWeight) {}

      @Override
      public void trial(Trial trial, int trials) {
        seen.add(trial);
      }
    };
  }

  @Test
  void learnsTheSignalAndBeatsChance() {
    assertThat(seen).hasSize(3);
    assertThat(report.test().rocAuc()).isGreaterThan(0.75);
    assertThat(report.test().prAuc()).isGreaterThan((double) report.test().positives() / 600);
    assertThat(report.best().validationPrAuc())
        .isEqualTo(seen.stream().mapToDouble(Trial::validationPrAuc).max().orElseThrow());
  }

  @Test
  void theReportHasTheAgreedKeys() {
    Map<String, Object> json = report.toJson();

    assertThat(json)
        .containsKeys(
            "model",
            "data",
            "split",
            "scale_pos_weight",
            "search",
            "hyper_parameters",
            "validation",
            "test",
            "baseline",
            "feature_importance",
            "test_curves");
    @SuppressWarnings("unchecked")
    Map<String, Object> test = (Map<String, Object>) json.get("test");
    assertThat(test)
        .containsKeys(
            "roc_auc",
            "pr_auc",
            "recall_at_alert_rate",
            "alert_rate",
            "recall_by_typology",
            "calibration",
            "brier");
    assertThat(asMap(test.get("recall_by_typology"))).isNotEmpty().doesNotContainKey("none");
    @SuppressWarnings("unchecked")
    Map<String, Object> baseline = (Map<String, Object>) json.get("baseline");
    assertThat(asMap(baseline.get("test"))).containsKeys("roc_auc", "pr_auc");
    assertThat((List<?>) json.get("feature_importance")).hasSize(Synthetic.NAMES.size());
    assertThat(report.importance().get(0).feature()).isIn("txn_count_1h", "ratio", "amount");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void theSameSeedGivesTheSameModel() {
    TrainingReport again =
        new ModelTraining(CLOCK)
            .train(data, "is_laundering", TrainingOptions.of(3, 42, 1), listener());

    assertThat(again.modelJson()).isEqualTo(report.modelJson());
    assertThat(again.metadata().version()).isEqualTo(report.metadata().version());
    assertThat(again.metadata().version()).startsWith("gbt-20261121T120000Z-");
    assertThat(again.test().prAuc()).isEqualTo(report.test().prAuc());
  }

  @Test
  void theRegistryKeepsTheModelWithItsMetadata(@TempDir Path dir) {
    ModelRegistry registry = new ModelRegistry(dir);
    registry.save(report.metadata(), report.modelJson());

    ModelRegistry.RegisteredModel loaded = registry.load(report.metadata().version());

    assertThat(registry.versions()).containsExactly(report.metadata().version());
    assertThat(loaded.metadata().get("feature_names").size()).isEqualTo(Synthetic.NAMES.size());
    assertThat(loaded.metadata().get("training_data").get("fingerprint_sha256").asText())
        .isEqualTo(data.fingerprint());
    assertThat(loaded.metadata().get("metrics").get("test.pr_auc").asDouble())
        .isEqualTo(report.test().prAuc());
    TreeEnsemble original = TreeEnsemble.fromXgboostJson(report.modelJson());
    assertThat(loaded.model().predict(data.row(5))).isEqualTo(original.predict(data.row(5)));
    DriftReference reference = DriftReference.fromMetadata(loaded.metadata()).orElseThrow();
    assertThat(reference.features().keySet()).containsExactlyElementsOf(Synthetic.NAMES);
    assertThat(reference.features().get("amount").proportions()).hasSize(DriftReference.BINS);
    assertThat(reference.score().size()).isGreaterThan(1);
    assertThat(TreeRiskModel.of(loaded).drift()).isPresent();
    assertThatThrownBy(() -> registry.save(report.metadata(), report.modelJson()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void theHtmlPageIsSelfContainedWithCurvesAndBars() {
    String en = new TrainingReportHtml(Locale.ENGLISH).render(report);
    String pt = new TrainingReportHtml(Locale.forLanguageTag("pt-BR")).render(report);

    assertThat(en).contains("<svg", "<polyline", "ROC curve", "Precision–recall", "txn_count_1h");
    assertThat(en).doesNotContain("<script", " src=", "href=", "<link");
    assertThat(pt).contains("Curva ROC", "Importância das features", "Regressão logística");
  }

  @Test
  void noRowsIsAClearError() {
    Dataset empty = Dataset.builder(List.of("x")).build();

    assertThatThrownBy(
            () ->
                new ModelTraining(CLOCK)
                    .train(empty, "is_laundering", TrainingOptions.of(1, 1, 1), listener()))
        .isInstanceOf(TrainingDataException.class)
        .hasMessageContaining("no labelled rows");
  }
}

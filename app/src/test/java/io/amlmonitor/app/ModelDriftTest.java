package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.ml.Dataset;
import io.amlmonitor.ml.DriftReference;
import io.amlmonitor.ml.ModelMetadata;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.TreeEnsemble;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A served model's drift from its training reference: in /health and as metrics. */
class ModelDriftTest {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path dir;

  /** Registers a model whose reference is the population {@link ModelsCommandTest#train} used. */
  private void register(String version) {
    byte[] json = ModelsCommandTest.train(3);
    TreeEnsemble model = TreeEnsemble.fromXgboostJson(json);
    SplittableRandom random = new SplittableRandom(9);
    Dataset.Builder b = Dataset.builder(ModelsCommandTest.NAMES);
    for (int i = 0; i < 2000; i++) {
      double[] x = {
        Math.exp(3 + 6 * random.nextDouble()),
        random.nextInt(8),
        random.nextDouble(),
        random.nextInt(20)
      };
      b.add(i, x, false, null);
    }
    Dataset reference = b.build();
    double[] scores = new double[reference.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.predict(reference.row(i));
    }
    new ModelRegistry(dir)
        .save(
            new ModelMetadata(
                version,
                T0,
                ModelsCommandTest.NAMES,
                "is_laundering",
                "cd".repeat(32),
                2000,
                Map.of(),
                2,
                3,
                0.1,
                Map.of(),
                DriftReference.of(reference, scores).toMap()),
            json);
  }

  /** Decisions stored for {@code n} payments of {@code amount}, an hour apart from T0. */
  private static void storeDecisions(Settings settings, int n, double amount, int earlierCount) {
    try (Database db = Database.open(SqlStores.config(settings))) {
      List<DecisionRecord> decisions = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Transaction t =
            Transaction.builder()
                .id("T" + i)
                .timestamp(T0.plusSeconds(60L * i))
                .customer("C" + i)
                .merchant("M1")
                .amount(amount)
                .build();
        db.transactions().save(t);
        decisions.add(
            new DecisionRecord(
                t.id(),
                t.timestamp().plusMillis(5),
                0.0,
                RiskLevel.LOW,
                List.of(),
                "rules-v1",
                "gbt-d",
                Map.of("txn_count_1h", (long) (i % earlierCount), "velocity_score_1h", 0.5)));
      }
      db.decisions().saveAll(decisions);
    }
  }

  @Test
  void theReportShowsThePeriodsDriftFromTheStoredDecisions() {
    register("gbt-d");
    new ModelRegistry(dir).promote("gbt-d", "ana", T0);
    Settings settings =
        StoreCheckTest.settings(Map.of("AML_DATA_DIR", dir.resolve("data").toString()));
    storeDecisions(settings, 300, 50, 8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new ReportConsole(
                settings,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                () -> T0.plusSeconds(86_400))
            .run(new TimeRange(T0, T0.plusSeconds(86_400)), 5, null, dir);

    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .contains("Model drift (population stability index against the training reference)")
        .contains("Model gbt-d: 300 decisions of the period compared;")
        .contains("2 input(s) above 0.200");
    // Amounts of 50.00 against a reference spread from 20 to 8,000, and one velocity for all.
    String firstInput =
        text.lines().dropWhile(l -> !l.contains("model score")).skip(1).findFirst().orElseThrow();
    assertThat(firstInput.strip()).matches("(amount|velocity_score_1h) .*");
    assertThat(text).containsPattern("graph_degree +n/a");
    String counts =
        text.lines().filter(l -> l.strip().startsWith("txn_count_1h")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(counts.strip().split("\\s+")[1]))
        .as("counts 0-7 as in training")
        .isLessThan(0.1);
  }

  @Test
  void trafficUnlikeTheTrainingReferenceRaisesAWarningAndShowsInTheMetrics() {
    register("gbt-d");
    new ModelRegistry(dir).promote("gbt-d", "ana", T0);
    Scorer scorer =
        new Scorer(
            new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC).loadDefault(),
            RiskThresholds.DEFAULT);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (ModelServing serving = ModelServing.start(scorer, dir, Duration.ofHours(1), metrics)) {
      assertThat(serving.health())
          .containsEntry("version", "gbt-d")
          .containsEntry("drift_observed", 0L);

      FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
      for (int i = 0; i < ModelServing.MIN_OBSERVED; i++) {
        // Every payment 50.00 from a new customer: no amount like the reference's, no history.
        Transaction t =
            Transaction.builder()
                .id("T" + i)
                .timestamp(T0.plusSeconds(i))
                .customer("C" + i)
                .merchant("M1")
                .amount(50)
                .build();
        scorer.assess(t, engine.featuresFor(t));
        if (i == ModelServing.MIN_OBSERVED - 2) {
          assertThat(serving.health()).as("too few to judge").doesNotContainKey("warning");
        }
      }

      Map<String, Object> health = serving.health();
      assertThat(health).containsEntry("drift_observed", ModelServing.MIN_OBSERVED);
      assertThat((String) health.get("warning"))
          .startsWith("model drift: PSI above 0.2 for ")
          .contains("amount (", "txn_count_1h (");
      assertThat((double) health.get("max_feature_psi")).isGreaterThan(0.2);
      String scrape = metrics.scrape();
      assertThat(scrape)
          .contains("aml_model_feature_psi{feature=\"amount\"}")
          .contains("aml_model_feature_psi{feature=\"graph_degree\"}")
          .contains("aml_model_score_psi ")
          .contains("aml_model_drift_observed 1000.0");
    }
  }
}

package io.amlmonitor.flink;

import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.ml.Dataset;
import io.amlmonitor.ml.HyperParameters;
import io.amlmonitor.ml.ModelFiles;
import io.amlmonitor.ml.ModelMetadata;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.TreeRiskModel;
import io.amlmonitor.ml.XgboostTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the tests' jobs score with: the bundled rules, and small models trained with XGBoost on a
 * labelled stream's features, saved and read back as {@code aml train} and {@code aml stream} do.
 */
final class TestScoring {
  /** A graph feature, which the job never has: training sees it, scoring finds it missing. */
  static final String GRAPH_INPUT = GraphFeatures.DEFINITIONS.get(0).name();

  private TestScoring() {}

  /** The bundled rules, in UTC, thresholds 0.3 / 0.6, alerting from 0.6, no model. */
  static JobSettings.Scoring rulesAlone() {
    String rules;
    try (InputStream in =
        TestScoring.class.getClassLoader().getResourceAsStream(RuleSetLoader.DEFAULT_RESOURCE)) {
      rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JobSettings.Scoring(
        "UTC",
        Duration.ofMinutes(5),
        rules,
        "classpath:" + RuleSetLoader.DEFAULT_RESOURCE,
        0.3,
        0.6,
        0.6,
        "en",
        null);
  }

  /**
   * A model of 30 trees of depth 3 over the catalogue, the amount and {@link #GRAPH_INPUT}, trained
   * on {@code stream}'s features as of just before each payment (the embedded engine's), labelled
   * by the generator; saved as {@code version} in a registry under {@code dir}.
   */
  static ModelFiles modelTrainedOn(List<LabelledTransaction> stream, Path dir, String version) {
    FeatureRegistry registry = FeatureRegistry.standard();
    List<String> names = new ArrayList<>(registry.names());
    names.add(TreeRiskModel.AMOUNT);
    names.add(GRAPH_INPUT);
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    SplittableRandom random = new SplittableRandom(5);
    Dataset.Builder rows = Dataset.builder(names);
    for (LabelledTransaction lt : stream) {
      FeatureVector features = engine.featuresFor(lt.transaction());
      engine.ingest(lt.transaction());
      double[] row = new double[names.size()];
      for (int i = 0; i < registry.size(); i++) {
        row[i] = features.get(i);
      }
      row[registry.size()] = lt.transaction().amount().toDouble();
      // the graph tells launderers apart a little, so the trees split on it
      row[registry.size() + 1] = random.nextDouble() + (lt.isLaundering() ? 0.5 : 0);
      rows.add(
          lt.transaction().timestamp().toEpochMilli(),
          row,
          lt.isLaundering(),
          lt.typology().name());
    }
    Dataset data = rows.build();
    double scalePosWeight =
        Math.max(1, (data.size() - data.positives()) / (double) data.positives());
    byte[] model =
        new XgboostTrainer(1)
            .train(data, new HyperParameters(3, 0.3, 30, 1, 1, 1, 1), scalePosWeight, 7);
    ModelRegistry models = new ModelRegistry(dir);
    models.save(
        new ModelMetadata(
            version,
            Instant.EPOCH,
            names,
            "is_laundering",
            data.fingerprint(),
            data.size(),
            Map.of(),
            scalePosWeight,
            7,
            0.5,
            Map.of()),
        model);
    return models.files(version);
  }
}

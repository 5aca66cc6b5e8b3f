package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.ExternalFeatures;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.GraphMeasures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A model trained on graph features reads them from the vector's graph part, by name. */
class TreeRiskModelGraphInputsTest {
  static final List<String> NAMES = List.of("txn_count_1h", "amount", "graph_ip_diversity");

  static TreeEnsemble ensemble;
  static TreeRiskModel model;

  @BeforeAll
  static void train() {
    ensemble = TreeEnsemble.fromXgboostJson(TreeRiskModelTest.trainOn(NAMES));
    model = new TreeRiskModel("gbt-graph", NAMES, ensemble);
  }

  @Test
  void theGraphFeatureComesFromTheVectorsGraphPart() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    FeatureVector plain = TreeRiskModelTest.features(engine, 3, 900);
    FeatureVector withGraph =
        plain.withExternal(
            new ExternalFeatures(
                GraphFeatures.DEFINITIONS,
                GraphFeatures.values(new GraphMeasures(0.1, 0, 0, 25, 0, 0))));

    assertThat(model.probability(withGraph, 900))
        .isEqualTo(ensemble.predict(new double[] {3, 900, 25}));
    assertThat(model.probability(plain, 900))
        .as("no graph kept: the input is missing, as in training on a missing value")
        .isEqualTo(ensemble.predict(new double[] {3, 900, Double.NaN}));
  }

  @Test
  void itSaysWhichFeaturesItReads() {
    assertThat(model.reads("graph_ip_diversity")).isTrue();
    assertThat(model.reads("graph_degree_centrality")).isFalse();
  }
}

package io.amlmonitor.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.Aggregation;
import io.amlmonitor.core.feature.Direction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.ExternalFeatures;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The graph features' definitions, and how a vector carries them beside the engine's. */
class GraphFeaturesTest {
  private static final GraphMeasures MEASURES = new GraphMeasures(0.25, 0.01, 0.5, 3, 7, 0.2);

  @Test
  void theCatalogueEndsWithTheSixGraphFeatures() {
    FeatureRegistry all = GraphFeatures.registry(FeatureRegistry.standard());

    assertThat(all.size()).isEqualTo(FeatureRegistry.standard().size() + 6);
    assertThat(all.names().subList(all.size() - 6, all.size()))
        .containsExactly(
            "graph_degree_centrality",
            "graph_betweenness_centrality",
            "graph_clustering_coefficient",
            "graph_ip_diversity",
            "graph_shared_identifier_ring_size",
            "graph_flagged_counterparty_share");
    assertThat(GraphFeatures.DEFINITIONS)
        .allSatisfy(d -> assertThat(d.entity()).isEqualTo(EntityType.CUSTOMER));
  }

  @Test
  void measuresBecomeValuesInDefinitionOrder() {
    assertThat(GraphFeatures.values(MEASURES)).containsExactly(0.25, 0.01, 0.5, 3, 7, 0.2);
  }

  @Test
  void aVectorWithGraphFeaturesReadsThemByNameAndListsThemLast() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    Transaction t =
        Transaction.builder()
            .id("T1")
            .timestamp(Instant.parse("2026-04-01T09:00:00Z"))
            .customer("C1")
            .counterparty("C2")
            .amount(50)
            .build();
    FeatureVector plain = engine.featuresFor(t);
    FeatureVector with =
        plain.withExternal(
            new ExternalFeatures(GraphFeatures.DEFINITIONS, GraphFeatures.values(MEASURES)));

    assertThat(plain.externalValue("graph_ip_diversity")).isEmpty();
    assertThat(with.externalValue("graph_ip_diversity")).hasValue(3);
    assertThat(with.externalValue("txn_amount_sum_60s")).isEmpty();
    assertThat(with.toArray()).containsExactly(plain.toArray());
    assertThat(with.asMap().keySet()).endsWith("graph_flagged_counterparty_share");
    assertThat(with.asMap()).containsEntry("graph_shared_identifier_ring_size", 7L);
  }

  @Test
  void theEngineRefusesToComputeGraphFeatures() {
    FeatureRegistry withGraph = GraphFeatures.registry(FeatureRegistry.standard());

    assertThatThrownBy(
            () ->
                new FeatureEngine(
                    withGraph, FeatureSettings.DEFAULT, new InMemoryEntityStateStore()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("graph_degree_centrality is read from the relationship graph");
  }

  @Test
  void aGraphFeatureDescribesACustomerOverBothFlowsWithoutAWindow() {
    assertThatThrownBy(
            () ->
                new FeatureDefinition(
                    "graph_x",
                    EntityType.MERCHANT,
                    Direction.INCOMING,
                    Duration.ZERO,
                    Aggregation.GRAPH_IP_DIVERSITY,
                    "x"))
        .hasMessageContaining("graph features describe a customer's account over both flows");
    assertThatThrownBy(
            () ->
                new FeatureDefinition(
                    "graph_x",
                    EntityType.CUSTOMER,
                    Direction.BOTH,
                    Duration.ofHours(1),
                    Aggregation.GRAPH_IP_DIVERSITY,
                    "x"))
        .hasMessageContaining("takes no window");
  }

  @Test
  void externalFeaturesNeedAValuePerDefinition() {
    assertThatThrownBy(() -> new ExternalFeatures(GraphFeatures.DEFINITIONS, new double[2]))
        .hasMessageContaining("6 external features but 2 values");
  }
}

package io.amlmonitor.core.graph;

import io.amlmonitor.core.feature.Aggregation;
import io.amlmonitor.core.feature.Direction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.ExternalFeatures;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.scoring.Scorer;
import java.time.Duration;
import java.util.List;

/**
 * The graph features in the feature registry: the {@link GraphMeasures} of the paying customer's
 * account, defined once for the catalogue, rules, the model and training sets.
 *
 * <p>They are not in the engine's vector: the graph is one structure over every account, not state
 * partitioned by customer, so the engine, the stream job's keyed state and replays by entity cannot
 * hold it. A vector carries them as {@link ExternalFeatures}, read from the graph before the
 * transaction enters it, when the rules or the model use them. Where no graph is kept (graph
 * detection off, the stream job) rules read them as 0 and the model as missing.
 */
public final class GraphFeatures {
  /** Every graph feature, in the order of {@link #values}. */
  public static final List<FeatureDefinition> DEFINITIONS =
      List.of(
          graph(
              "graph_degree_centrality",
              Aggregation.GRAPH_DEGREE_CENTRALITY,
              "Distinct accounts and merchants the customer paid or was paid by, over all other"
                  + " accounts and merchants in the graph"),
          graph(
              "graph_betweenness_centrality",
              Aggregation.GRAPH_BETWEENNESS_CENTRALITY,
              "Share of shortest money paths through the account, normalised; sampled from 64"
                  + " sources (an estimate, see docs/graph.md)"),
          graph(
              "graph_clustering_coefficient",
              Aggregation.GRAPH_CLUSTERING_COEFFICIENT,
              "Pairs of the account's newest 64 counterparties that transact with each other,"
                  + " over all pairs"),
          graph(
              "graph_ip_diversity",
              Aggregation.GRAPH_IP_DIVERSITY,
              "Distinct IP addresses the account used"),
          graph(
              "graph_shared_identifier_ring_size",
              Aggregation.GRAPH_RING_SIZE,
              "Other accounts that used one of the account's IP addresses or devices"),
          graph(
              "graph_flagged_counterparty_share",
              Aggregation.GRAPH_FLAGGED_COUNTERPARTY_SHARE,
              "Share of the account's counterparties flagged: in a network finding, or the payer"
                  + " of a transaction that raised an alert"));

  private GraphFeatures() {}

  private static FeatureDefinition graph(String name, Aggregation a, String description) {
    return new FeatureDefinition(
        name, EntityType.CUSTOMER, Direction.BOTH, Duration.ZERO, a, description);
  }

  /** {@code base} followed by the graph features: the whole catalogue. */
  public static FeatureRegistry registry(FeatureRegistry base) {
    return base.plus(DEFINITIONS);
  }

  /** The measures as feature values, in the order of {@link #DEFINITIONS}. */
  public static double[] values(GraphMeasures m) {
    return new double[] {
      m.degreeCentrality(),
      m.betweennessCentrality(),
      m.clusteringCoefficient(),
      m.ipDiversity(),
      m.ringSize(),
      m.flaggedCounterpartyShare()
    };
  }

  /** The graph features of {@code accountId} as {@code graph} holds them now. */
  public static ExternalFeatures read(TransactionGraph graph, String accountId) {
    return new ExternalFeatures(DEFINITIONS, values(graph.measures(accountId)));
  }

  /**
   * Whether {@code scorer}'s rules or model read a graph feature: reading them costs a walk of the
   * account's neighbourhood, so they are read only for a scorer that uses them.
   */
  public static boolean neededBy(Scorer scorer) {
    for (FeatureDefinition d : DEFINITIONS) {
      if (scorer.reads(d.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code features} with the graph features of the payer attached when {@code scorer} reads them:
   * call it before the transaction enters {@code graph}, so they are as of just before it.
   */
  public static FeatureVector attach(
      FeatureVector features, TransactionGraph graph, String accountId, Scorer scorer) {
    return graph != null && neededBy(scorer)
        ? features.withExternal(read(graph, accountId))
        : features;
  }
}

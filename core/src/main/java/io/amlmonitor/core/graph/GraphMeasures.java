package io.amlmonitor.core.graph;

/**
 * The graph measures of one account, as served with its features.
 *
 * @param degreeCentrality distinct money counterparties (in or out) over the number of other
 *     accounts and merchants in the graph
 * @param betweennessCentrality share of sampled shortest paths through the account, normalised to
 *     [0, 1]; sampled, so an estimate (see docs/graph.md for its error)
 * @param clusteringCoefficient how many pairs of the account's counterparties also transact with
 *     each other, over all pairs (local clustering coefficient, undirected)
 * @param ipDiversity distinct IP addresses the account used
 * @param ringSize other accounts sharing an IP address or a device with it
 * @param flaggedCounterpartyShare share of its counterparties that are flagged (in a finding, with
 *     an alert, or rated high risk)
 */
public record GraphMeasures(
    double degreeCentrality,
    double betweennessCentrality,
    double clusteringCoefficient,
    int ipDiversity,
    int ringSize,
    double flaggedCounterpartyShare) {
  /** The measures of an account the graph does not know. */
  public static final GraphMeasures NONE = new GraphMeasures(0, 0, 0, 0, 0, 0);
}

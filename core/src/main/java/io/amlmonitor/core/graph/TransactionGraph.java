package io.amlmonitor.core.graph;

import io.amlmonitor.core.domain.Transaction;
import java.util.List;

/**
 * The relationship graph of accounts, merchants, IP addresses and devices, updated with every
 * transaction in event-time order, that finds network typologies as transactions arrive.
 *
 * <p>Implementations bound the work of {@link #record} per transaction (see their limits), so the
 * live path can call it for every transaction.
 */
public interface TransactionGraph extends AutoCloseable {
  /** Adds {@code t} to the graph without looking for patterns (warm-up, replays). */
  void add(Transaction t);

  /** Adds {@code t} to the graph and returns the typologies its arrival completed. */
  List<NetworkFinding> record(Transaction t);

  /**
   * What lies within {@code hops} edges of {@code node}, in either direction, at most {@code
   * maxNodes} nodes (nearest first); empty when the node is unknown.
   */
  Subgraph neighbourhood(GraphNode node, int hops, int maxNodes);

  /** The graph measures of one account that the feature vector serves. */
  GraphMeasures measures(String accountId);

  /**
   * Marks an account as flagged (it raised an alert, or is rated high risk), for its
   * counterparties' {@link GraphMeasures#flaggedCounterpartyShare()}.
   */
  void flag(String accountId);

  /** How many nodes and edges the graph holds. */
  long nodeCount();

  long edgeCount();

  /** Writes what is pending and releases connections; the in-memory graph has nothing to do. */
  @Override
  default void close() {}
}

package io.amlmonitor.graph.neo4j;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.GraphMeasures;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.core.graph.TransactionGraph;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The relationship graph kept in Neo4j as well as in this process: detection and measures run on
 * the in-memory graph (bounded per transaction, no round trip on the hot path), every transaction
 * is also written to Neo4j in batches of {@link Neo4jConfig#batchSize()}, and neighbourhoods are
 * read from Neo4j, the graph that analysts query and other instances share.
 *
 * <p>Implementation note: a read first writes what is pending, so a neighbourhood includes every
 * transaction this instance has seen. A failed write keeps its batch pending and throws; the next
 * write retries it.
 */
public final class Neo4jTransactionGraph implements TransactionGraph {
  private final InMemoryTransactionGraph memory;
  private final Neo4jGraphStore store;
  private final int batchSize;
  private List<Transaction> pending = new ArrayList<>();

  public Neo4jTransactionGraph(
      InMemoryTransactionGraph memory, Neo4jGraphStore store, int batchSize) {
    this.memory = memory;
    this.store = store;
    this.batchSize = batchSize;
  }

  @Override
  public synchronized void add(Transaction t) {
    memory.add(t);
    enqueue(t);
  }

  @Override
  public synchronized List<NetworkFinding> record(Transaction t) {
    List<NetworkFinding> found = memory.record(t);
    enqueue(t);
    return found;
  }

  private void enqueue(Transaction t) {
    pending.add(t);
    if (pending.size() >= batchSize) {
      flush();
    }
  }

  /** Writes every pending transaction to Neo4j. */
  public synchronized void flush() {
    if (!pending.isEmpty()) {
      store.write(pending);
      pending = new ArrayList<>();
    }
  }

  @Override
  public synchronized Subgraph neighbourhood(GraphNode node, int hops, int maxNodes) {
    flush();
    return store.neighbourhood(node, hops, maxNodes);
  }

  @Override
  public GraphMeasures measures(String accountId) {
    return memory.measures(accountId);
  }

  @Override
  public void flag(String accountId) {
    memory.flag(accountId);
  }

  @Override
  public long nodeCount() {
    return memory.nodeCount();
  }

  @Override
  public long edgeCount() {
    return memory.edgeCount();
  }

  @Override
  public synchronized void close() {
    try {
      flush();
    } finally {
      store.close();
    }
  }
}

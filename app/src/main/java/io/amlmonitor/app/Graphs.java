package io.amlmonitor.app;

import io.amlmonitor.app.config.GraphSettings;
import io.amlmonitor.core.graph.TransactionGraph;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import io.amlmonitor.graph.neo4j.Neo4jGraphStore;
import io.amlmonitor.graph.neo4j.Neo4jTransactionGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the relationship graph the settings describe: in this process, and in Neo4j when set. */
final class Graphs {
  private static final Logger LOG = LoggerFactory.getLogger(Graphs.class);

  private Graphs() {}

  /**
   * A new, empty graph; with {@code NEO4J_URI} also written to Neo4j, whose constraints and indexes
   * are created first.
   *
   * @throws io.amlmonitor.core.store.StoreUnavailableException naming Neo4j when it cannot be
   *     reached
   */
  static TransactionGraph open(GraphSettings g) {
    InMemoryTransactionGraph memory = new InMemoryTransactionGraph(g.limits(), g.typologies());
    if (g.neo4j() == null) {
      return memory;
    }
    Neo4jGraphStore store = new Neo4jGraphStore(g.neo4j());
    LOG.info("relationship graph also kept in Neo4j at {}", g.neo4j().describe());
    return new Neo4jTransactionGraph(memory, store, g.neo4j().batchSize());
  }
}

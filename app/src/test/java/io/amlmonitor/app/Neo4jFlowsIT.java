package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import io.amlmonitor.graph.neo4j.Neo4jGraphStore;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * {@code aml flows} with {@code NEO4J_URI}: transaction_monitoring keeps the whole history's graph
 * in Neo4j (an in-process Neo4j 5.26), the same graph it keeps in memory.
 */
class Neo4jFlowsIT {
  @TempDir Path dir;

  @Test
  void transactionMonitoringWritesTheGraphToNeo4j() {
    try (Neo4j neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build()) {
      FlowsTestData data;
      try (Database db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 4))) {
        data = new FlowsTestData().storeIn(db);
      }
      Map<String, String> values =
          Map.of(
              "AML_DATA_DIR",
              dir.toString(),
              "FLOW_LOOKBACK_DAYS",
              "3",
              "NEO4J_URI",
              neo4j.boltURI().toString(),
              "NEO4J_BATCH_SIZE",
              "2000");
      ConfigSources sources = new ConfigSources(values, Map.of(), Map.of());
      Settings settings = Settings.resolve(sources);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code =
          new FlowRunner(
                  settings,
                  FlowSettings.resolve(sources),
                  settings.graph(),
                  InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")),
                  new PrintStream(out, true, StandardCharsets.UTF_8))
              .run(List.of(FlowName.TRANSACTION_MONITORING), data.end(), false);
      assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

      InMemoryTransactionGraph reference = new InMemoryTransactionGraph();
      data.transactions.forEach(reference::add);
      try (Neo4jGraphStore store = new Neo4jGraphStore(settings.graph().neo4j())) {
        Object edges =
            store.query("MATCH ()-[e]->() RETURN count(e) AS n", Map.of()).get(0).get("n");
        assertThat(((Number) edges).longValue()).isEqualTo(reference.edgeCount());
        String customer = data.transactions.get(0).customerId().value();
        Subgraph fromNeo4j = store.neighbourhood(GraphNode.account(customer), 1, 100_000);
        Subgraph inMemory = reference.neighbourhood(GraphNode.account(customer), 1, 100_000);
        assertThat(new HashSet<>(fromNeo4j.edges())).isEqualTo(new HashSet<>(inMemory.edges()));
      }
    }
  }
}

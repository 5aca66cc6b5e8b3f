package io.amlmonitor.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The Neo4j graph against an in-process Neo4j 5.26 (the test harness): it holds the same nodes and
 * aggregated edges as the in-memory graph, answers the same neighbourhoods, and the analysts'
 * Cypher of docs/graph.md finds what the detectors find. Also measures write throughput.
 */
class Neo4jTransactionGraphIT {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static Neo4j neo4j;
  private static Neo4jConfig config;

  @BeforeAll
  static void start() {
    try {
      neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
    } catch (RuntimeException e) {
      assumeThat(Boolean.getBoolean("aml.require.services"))
          .as("the in-process Neo4j did not start: " + e)
          .isTrue();
      throw e;
    }
    config = new Neo4jConfig(neo4j.boltURI(), null, null, null, 500);
  }

  @AfterAll
  static void stop() {
    if (neo4j != null) {
      neo4j.close();
    }
  }

  @BeforeEach
  void empty() {
    try (var session = org.neo4j.driver.GraphDatabase.driver(neo4j.boltURI()).session()) {
      session.run("MATCH (n) DETACH DELETE n").consume();
    }
  }

  private static List<Transaction> stream(long seed, int n, int accounts) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Transaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int payer = r.nextInt(accounts);
      Transaction.Builder b =
          Transaction.builder()
              .id("T" + seed + "-" + i)
              .timestamp(T0.plusSeconds(r.nextInt(30 * 86_400)))
              .customer("A" + payer)
              .amount(1 + r.nextInt(100_000) / 100.0)
              .ipAddress("ip-" + r.nextInt(accounts / 3 + 1));
      if (r.nextInt(5) == 0) {
        b.merchant("M" + r.nextInt(20)).deviceId("dev-" + payer % 50);
      } else {
        b.counterparty("A" + r.nextInt(accounts));
      }
      out.add(b.build());
    }
    return out;
  }

  private static Set<String> nodes(Subgraph s) {
    return s.nodes().stream().map(n -> n.kind() + "/" + n.id()).collect(Collectors.toSet());
  }

  private static Set<GraphEdge> edges(Subgraph s) {
    return new HashSet<>(s.edges());
  }

  @Test
  void createsItsConstraintsAtStart() {
    try (Neo4jGraphStore store = new Neo4jGraphStore(config)) {
      List<Map<String, Object>> names = store.query("SHOW CONSTRAINTS YIELD name", Map.of());
      assertThat(names.stream().map(m -> m.get("name")).toList())
          .contains("aml_account_id", "aml_merchant_id", "aml_ip_id", "aml_device_id");
    }
  }

  @Test
  void holdsTheSameNeighbourhoodsAsTheInMemoryGraph() {
    List<Transaction> stream = stream(5, 3_000, 300);
    InMemoryTransactionGraph reference = new InMemoryTransactionGraph();
    try (Neo4jTransactionGraph graph =
        new Neo4jTransactionGraph(
            new InMemoryTransactionGraph(), new Neo4jGraphStore(config), 250)) {
      for (Transaction t : stream) {
        reference.add(t);
        graph.add(t);
      }
      for (String account : List.of("A0", "A17", "A123", "A299")) {
        for (int hops = 1; hops <= 2; hops++) {
          Subgraph expected = reference.neighbourhood(GraphNode.account(account), hops, 100_000);
          Subgraph actual = graph.neighbourhood(GraphNode.account(account), hops, 100_000);
          assertThat(nodes(actual)).as(account + " " + hops).isEqualTo(nodes(expected));
          assertThat(edges(actual)).as(account + " " + hops).isEqualTo(edges(expected));
        }
      }
      Subgraph ip = graph.neighbourhood(new GraphNode(NodeKind.IP, "ip-7"), 1, 100_000);
      assertThat(nodes(ip))
          .isEqualTo(
              nodes(reference.neighbourhood(new GraphNode(NodeKind.IP, "ip-7"), 1, 100_000)));
    }
  }

  @Test
  void theAnalystsCycleQueryFindsTheCycleTheDetectorFound() {
    try (Neo4jTransactionGraph graph =
        new Neo4jTransactionGraph(
            new InMemoryTransactionGraph(), new Neo4jGraphStore(config), 10)) {
      stream(9, 500, 200).forEach(graph::add);
      List<NetworkFinding> found = new ArrayList<>();
      found.addAll(graph.record(transfer("C1", "X", "Y", 5_000, 1)));
      found.addAll(graph.record(transfer("C2", "Y", "Z", 4_900, 2)));
      found.addAll(graph.record(transfer("C3", "Z", "X", 4_800, 3)));
      assertThat(found).anyMatch(f -> f.typology() == NetworkTypology.CYCLE);
      graph.flush();

      List<Map<String, Object>> cycles;
      try (Neo4jGraphStore store = new Neo4jGraphStore(config)) {
        cycles =
            store.query(
                "MATCH p = (a:Account {id: $account})-[:TRANSFER*2..6]->(a)"
                    + " WHERE all(r IN relationships(p) WHERE r.last >= $since)"
                    + " RETURN [n IN nodes(p) | n.id] AS cycle",
                Map.of("account", "X", "since", T0.toEpochMilli()));
      }
      assertThat(cycles).extracting(m -> m.get("cycle")).contains(List.of("X", "Y", "Z", "X"));
    }
  }

  /** Every query of docs/graph.md's Cypher section runs against what the adapter wrote. */
  @Test
  void theAnalystsQueriesInTheDocsRunOnTheAdaptersModel() throws Exception {
    Path doc = Path.of("..", "docs", "graph.md");
    assumeThat(Files.exists(doc)).as("docs/graph.md beside the module").isTrue();
    String text = Files.readString(doc);
    String block = text.substring(text.indexOf("```cypher") + 9);
    block = block.substring(0, block.indexOf("```"));
    List<String> queries =
        Arrays.stream(block.split(";"))
            .map(
                q ->
                    q.lines()
                        .filter(l -> !l.strip().startsWith("//"))
                        .collect(Collectors.joining("\n")))
            .map(String::strip)
            .filter(q -> !q.isEmpty())
            .toList();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
    Instant now = Instant.now();
    try (Neo4jTransactionGraph graph =
        new Neo4jTransactionGraph(
            new InMemoryTransactionGraph(), new Neo4jGraphStore(config), 10)) {
      graph.record(transferAt("D1", "X", "Y", 5_000, now.minus(Duration.ofDays(3))));
      graph.record(transferAt("D2", "Y", "Z", 4_900, now.minus(Duration.ofDays(2))));
      graph.record(transferAt("D3", "Z", "X", 4_800, now.minus(Duration.ofDays(1))));
      graph.flush();
      Neo4jGraphStore store = new Neo4jGraphStore(config);
      Map<String, Object> params = Map.of("account", "X", "customer", "X");
      for (String q : queries) {
        List<Map<String, Object>> rows = store.query(q, params);
        if (q.contains("cycle")) {
          assertThat(rows).extracting(m -> m.get("cycle")).contains(List.of("X", "Y", "Z", "X"));
        }
      }
      store.close();
    }
  }

  private static Transaction transferAt(
      String id, String from, String to, double amount, Instant at) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer(from)
        .counterparty(to)
        .amount(amount)
        .build();
  }

  private static Transaction transfer(String id, String from, String to, double amount, int day) {
    return Transaction.builder()
        .id(id)
        .timestamp(T0.plus(Duration.ofDays(day)))
        .customer(from)
        .counterparty(to)
        .amount(amount)
        .build();
  }

  /** Write throughput: 100,000 transactions over 20,000 accounts in batches of 5,000. */
  @Test
  void writeThroughput() {
    List<Transaction> stream = stream(21, 100_000, 20_000);
    try (Neo4jGraphStore store = new Neo4jGraphStore(config)) {
      store.write(stream.subList(0, 5_000));
      long started = System.nanoTime();
      for (int i = 5_000; i < stream.size(); i += 5_000) {
        store.write(stream.subList(i, i + 5_000));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "Neo4j writes: %,d transactions in %.1f s, %,.0f transactions/s (batches of 5,000)%n",
          95_000, seconds, 95_000 / seconds);
      Object edges = store.query("MATCH ()-[e]->() RETURN count(e) AS n", Map.of()).get(0).get("n");
      assertThat(((Number) edges).longValue()).isPositive();
    }
  }
}

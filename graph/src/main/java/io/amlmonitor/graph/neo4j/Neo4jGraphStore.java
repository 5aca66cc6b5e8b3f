package io.amlmonitor.graph.neo4j;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.EdgeKind;
import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * The relationship graph in Neo4j: the same nodes and aggregated edges as the in-memory graph
 * ({@code (:Account)-[:TRANSFER {count, amount, min, max, first, last}]->(:Account)}, {@code
 * PAYMENT} to {@code :Merchant}, {@code USED_IP} to {@code :Ip}, {@code USED_DEVICE} to {@code
 * :Device}; amounts in cents, times in epoch milliseconds), written in batches through {@code
 * UNWIND}, and the neighbourhood query the API serves.
 *
 * <p>Implementation note: a batch is aggregated per pair in the client first, so a pair that
 * transacted 50 times in the batch costs one {@code MERGE}; the four edge kinds are four statements
 * in one transaction. Neo4j errors become {@link StoreUnavailableException} (server away) or {@link
 * StoreException}.
 */
public final class Neo4jGraphStore implements AutoCloseable {
  private static final String[] SCHEMA = {
    "CREATE CONSTRAINT aml_account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT aml_merchant_id IF NOT EXISTS FOR (n:Merchant) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT aml_ip_id IF NOT EXISTS FOR (n:Ip) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT aml_device_id IF NOT EXISTS FOR (n:Device) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX aml_transfer_last IF NOT EXISTS FOR ()-[e:TRANSFER]-() ON (e.last)"
  };

  private static final String NODES = "UNWIND $ids AS id MERGE (:%s {id: id})";

  private static final String MONEY =
      "UNWIND $rows AS r MATCH (a:Account {id: r.from}) MATCH (b:%s {id: r.to})"
          + " MERGE (a)-[e:%s]->(b)"
          + " ON CREATE SET e.count = 0, e.amount = 0, e.min = r.min, e.max = r.max,"
          + " e.first = r.first, e.last = r.last"
          + " SET e.count = e.count + r.count, e.amount = e.amount + r.amount,"
          + " e.min = CASE WHEN r.min < e.min THEN r.min ELSE e.min END,"
          + " e.max = CASE WHEN r.max > e.max THEN r.max ELSE e.max END,"
          + " e.first = CASE WHEN r.first < e.first THEN r.first ELSE e.first END,"
          + " e.last = CASE WHEN r.last > e.last THEN r.last ELSE e.last END";

  private static final String USED =
      "UNWIND $rows AS r MATCH (a:Account {id: r.from}) MATCH (b:%s {id: r.to})"
          + " MERGE (a)-[e:%s]->(b)"
          + " ON CREATE SET e.count = 0, e.first = r.first, e.last = r.last"
          + " SET e.count = e.count + r.count,"
          + " e.first = CASE WHEN r.first < e.first THEN r.first ELSE e.first END,"
          + " e.last = CASE WHEN r.last > e.last THEN r.last ELSE e.last END";

  private final Neo4jConfig config;
  private final Driver driver;

  /** Connects, checks the server answers, and creates the constraints and indexes. */
  public Neo4jGraphStore(Neo4jConfig config) {
    this.config = config;
    this.driver =
        config.password() == null
            ? GraphDatabase.driver(config.uri(), AuthTokens.none())
            : GraphDatabase.driver(
                config.uri(), AuthTokens.basic(config.user(), config.password()));
    try {
      call(
          "connecting",
          () -> {
            driver.verifyConnectivity();
            return null;
          });
      for (String statement : SCHEMA) {
        write("creating the schema", statement, Map.of());
      }
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
  }

  /** Adds {@code batch} to the graph in one transaction. */
  public void write(List<Transaction> batch) {
    Map<EdgeKind, Map<List<String>, long[]>> byKind = new HashMap<>();
    for (Transaction t : batch) {
      long at = t.timestamp().toEpochMilli();
      long cents = t.amount().cents();
      String payer = t.customerId().value();
      if (t.merchantId() != null) {
        add(byKind, EdgeKind.PAYMENT, payer, t.merchantId().value(), cents, at);
      } else {
        add(byKind, EdgeKind.TRANSFER, payer, t.counterpartyId().value(), cents, at);
      }
      if (t.ipAddress() != null) {
        add(byKind, EdgeKind.USED_IP, payer, t.ipAddress(), 0, at);
      }
      if (t.deviceId() != null) {
        add(byKind, EdgeKind.USED_DEVICE, payer, t.deviceId(), 0, at);
      }
    }
    Map<NodeKind, Set<String>> ids = new EnumMap<>(NodeKind.class);
    byKind.forEach(
        (kind, pairs) ->
            pairs
                .keySet()
                .forEach(
                    pair -> {
                      ids.computeIfAbsent(NodeKind.ACCOUNT, k -> new LinkedHashSet<>())
                          .add(pair.get(0));
                      ids.computeIfAbsent(target(kind), k -> new LinkedHashSet<>())
                          .add(pair.get(1));
                    }));
    call(
        "writing " + batch.size() + " transactions",
        () -> {
          try (Session s = session()) {
            s.executeWriteWithoutResult(
                tx -> {
                  ids.forEach(
                      (kind, set) ->
                          tx.run(String.format(NODES, label(kind)), Map.of("ids", List.copyOf(set)))
                              .consume());
                  byKind.forEach(
                      (kind, pairs) ->
                          tx.run(statement(kind), Map.of("rows", rows(pairs))).consume());
                });
          }
          return null;
        });
  }

  private static void add(
      Map<EdgeKind, Map<List<String>, long[]>> byKind,
      EdgeKind kind,
      String from,
      String to,
      long cents,
      long at) {
    long[] agg =
        byKind
            .computeIfAbsent(kind, k -> new LinkedHashMap<>())
            .computeIfAbsent(
                List.of(from, to),
                k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0});
    agg[0]++;
    agg[1] += cents;
    agg[2] = Math.min(agg[2], cents);
    agg[3] = Math.max(agg[3], cents);
    agg[4] = Math.min(agg[4], at);
    agg[5] = Math.max(agg[5], at);
  }

  private static List<Map<String, Object>> rows(Map<List<String>, long[]> pairs) {
    List<Map<String, Object>> rows = new ArrayList<>(pairs.size());
    pairs.forEach(
        (pair, a) ->
            rows.add(
                Map.of(
                    "from", pair.get(0),
                    "to", pair.get(1),
                    "count", a[0],
                    "amount", a[1],
                    "min", a[2],
                    "max", a[3],
                    "first", a[4],
                    "last", a[5])));
    return rows;
  }

  private static NodeKind target(EdgeKind kind) {
    return switch (kind) {
      case TRANSFER -> NodeKind.ACCOUNT;
      case PAYMENT -> NodeKind.MERCHANT;
      case USED_IP -> NodeKind.IP;
      case USED_DEVICE -> NodeKind.DEVICE;
    };
  }

  private static String statement(EdgeKind kind) {
    return switch (kind) {
      case TRANSFER -> String.format(MONEY, "Account", "TRANSFER");
      case PAYMENT -> String.format(MONEY, "Merchant", "PAYMENT");
      case USED_IP -> String.format(USED, "Ip", "USED_IP");
      case USED_DEVICE -> String.format(USED, "Device", "USED_DEVICE");
    };
  }

  /**
   * The nodes within {@code hops} edges of {@code node} in either direction, nearest first, at most
   * {@code maxNodes}, and the edges between them: what {@code
   * InMemoryTransactionGraph.neighbourhood} answers, from Neo4j.
   */
  public Subgraph neighbourhood(GraphNode node, int hops, int maxNodes) {
    if (hops < 1 || hops > 4) {
      throw new IllegalArgumentException("hops must be 1..4, was " + hops);
    }
    String query =
        "MATCH p = (c:"
            + label(node.kind())
            + " {id: $id})-[*0.."
            + hops
            + "]-(n) WITH n, min(length(p)) AS d ORDER BY d, n.id LIMIT $max"
            + " WITH collect(n) AS ns UNWIND ns AS a"
            + " OPTIONAL MATCH (a)-[e]->(b) WHERE b IN ns"
            + " RETURN labels(a)[0] AS kind, a.id AS id, type(e) AS type,"
            + " labels(b)[0] AS toKind, b.id AS to, e.count AS count, e.amount AS amount,"
            + " e.first AS first, e.last AS last";
    List<Record> records =
        call(
            "reading the neighbourhood of " + node.id(),
            () -> {
              try (Session s = session()) {
                return s.executeRead(
                    tx -> tx.run(query, Map.of("id", node.id(), "max", maxNodes)).list());
              }
            });
    Map<String, GraphNode> nodes = new LinkedHashMap<>();
    List<GraphEdge> edges = new ArrayList<>();
    for (Record r : records) {
      GraphNode a = new GraphNode(kind(r.get("kind").asString()), r.get("id").asString());
      nodes.putIfAbsent(a.kind() + "/" + a.id(), a);
      if (!r.get("type").isNull()) {
        EdgeKind k = EdgeKind.valueOf(r.get("type").asString());
        edges.add(
            new GraphEdge(
                k,
                a,
                new GraphNode(kind(r.get("toKind").asString()), r.get("to").asString()),
                r.get("count").asLong(),
                k.carriesMoney() ? r.get("amount").asLong() : 0,
                Instant.ofEpochMilli(r.get("first").asLong()),
                Instant.ofEpochMilli(r.get("last").asLong())));
      }
    }
    return new Subgraph(List.copyOf(nodes.values()), edges);
  }

  /** Runs a read-only Cypher query, for the analyst's queries of docs/graph.md and their tests. */
  public List<Map<String, Object>> query(String cypher, Map<String, Object> parameters) {
    return call(
        "running a query",
        () -> {
          try (Session s = session()) {
            return s.executeRead(tx -> tx.run(cypher, parameters).list(record -> record.asMap()));
          }
        });
  }

  static String label(NodeKind kind) {
    return switch (kind) {
      case ACCOUNT -> "Account";
      case MERCHANT -> "Merchant";
      case IP -> "Ip";
      case DEVICE -> "Device";
    };
  }

  private static NodeKind kind(String label) {
    return switch (label) {
      case "Account" -> NodeKind.ACCOUNT;
      case "Merchant" -> NodeKind.MERCHANT;
      case "Ip" -> NodeKind.IP;
      case "Device" -> NodeKind.DEVICE;
      default -> throw new StoreException("unexpected node label " + label + " in Neo4j", null);
    };
  }

  private Session session() {
    return config.database() == null
        ? driver.session()
        : driver.session(SessionConfig.forDatabase(config.database()));
  }

  private void write(String what, String statement, Map<String, Object> parameters) {
    call(
        what,
        () -> {
          try (Session s = session()) {
            s.executeWriteWithoutResult(tx -> tx.run(statement, parameters).consume());
          }
          return null;
        });
  }

  private <T> T call(String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (ServiceUnavailableException e) {
      throw new StoreUnavailableException(
          "Neo4j at " + config.describe() + " is unavailable while " + what + ": " + e.getMessage(),
          e);
    } catch (Neo4jException e) {
      throw new StoreException(
          "Neo4j at "
              + config.describe()
              + " failed while "
              + what
              + ": "
              + e.getMessage().toLowerCase(Locale.ROOT),
          e);
    }
  }

  @Override
  public void close() {
    driver.close();
  }
}

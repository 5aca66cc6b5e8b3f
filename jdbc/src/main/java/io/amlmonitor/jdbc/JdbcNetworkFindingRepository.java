package io.amlmonitor.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.graph.EdgeKind;
import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Network findings in the {@code network_findings} table, subgraphs as JSON text. */
final class JdbcNetworkFindingRepository implements NetworkFindingRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "transaction_id, typology, customer_id, transaction_time, detail, accounts, subgraph";

  private final Sql sql;

  JdbcNetworkFindingRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public int saveAll(List<NetworkFinding> findings) {
    if (findings.isEmpty()) {
      return 0;
    }
    return sql.inTransaction(
        "saving " + findings.size() + " network findings",
        c -> {
          int added = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO network_findings ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (NetworkFinding f : findings) {
              ps.setString(1, f.transactionId().value());
              ps.setString(2, f.typology().name());
              ps.setString(3, f.customerId().value());
              Sql.setInstant(ps, 4, f.transactionTime());
              ps.setString(5, f.detail());
              ps.setString(6, JsonText.strings(f.subgraph().accounts()));
              ps.setString(7, json(f.subgraph()));
              added += ps.executeUpdate();
            }
          }
          return added;
        });
  }

  @Override
  public List<NetworkFinding> forTransaction(TransactionId id) {
    List<NetworkFinding> out = new ArrayList<>();
    sql.forEachRow(
        "reading network findings of " + id.value(),
        "SELECT " + COLUMNS + " FROM network_findings WHERE transaction_id = ? ORDER BY seq",
        ps -> ps.setString(1, id.value()),
        JdbcNetworkFindingRepository::read,
        out::add);
    return out;
  }

  @Override
  public void forEach(Consumer<NetworkFinding> action) {
    sql.forEach(
        "reading network findings",
        "SELECT " + COLUMNS + " FROM network_findings",
        "transaction_time",
        TimeRange.ALL,
        "seq",
        JdbcNetworkFindingRepository::read,
        action);
  }

  private static NetworkFinding read(ResultSet rs) throws SQLException {
    return new NetworkFinding(
        NetworkTypology.valueOf(rs.getString("typology")),
        TransactionId.of(rs.getString("transaction_id")),
        CustomerId.of(rs.getString("customer_id")),
        Sql.instant(rs, "transaction_time"),
        subgraph(rs.getString("subgraph")),
        rs.getString("detail"));
  }

  static String json(Subgraph s) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode nodes = root.putArray("nodes");
    for (GraphNode n : s.nodes()) {
      nodes.addObject().put("kind", n.kind().name()).put("id", n.id());
    }
    ArrayNode edges = root.putArray("edges");
    for (GraphEdge e : s.edges()) {
      edges
          .addObject()
          .put("kind", e.kind().name())
          .put("from_kind", e.from().kind().name())
          .put("from", e.from().id())
          .put("to_kind", e.to().kind().name())
          .put("to", e.to().id())
          .put("count", e.count())
          .put("amount_cents", e.amountCents())
          .put("first", e.first().toString())
          .put("last", e.last().toString());
    }
    return root.toString();
  }

  static Subgraph subgraph(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<GraphNode> nodes = new ArrayList<>();
      for (JsonNode n : root.get("nodes")) {
        nodes.add(new GraphNode(NodeKind.valueOf(n.get("kind").asText()), n.get("id").asText()));
      }
      List<GraphEdge> edges = new ArrayList<>();
      for (JsonNode e : root.get("edges")) {
        edges.add(
            new GraphEdge(
                EdgeKind.valueOf(e.get("kind").asText()),
                new GraphNode(
                    NodeKind.valueOf(e.get("from_kind").asText()), e.get("from").asText()),
                new GraphNode(NodeKind.valueOf(e.get("to_kind").asText()), e.get("to").asText()),
                e.get("count").asLong(),
                e.get("amount_cents").asLong(),
                Instant.parse(e.get("first").asText()),
                Instant.parse(e.get("last").asText())));
      }
      return new Subgraph(nodes, edges);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored network subgraph is not valid JSON: " + e.getMessage(), e);
    }
  }
}

package io.amlmonitor.server;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.AlertQuery;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.ValueType;
import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.GraphMeasures;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.core.graph.TransactionGraph;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /graph/customers/{customer_id}?hops=2&max_nodes=200}: the customer's neighbourhood in
 * the relationship graph for investigation — nodes (accounts with the highest risk level and the
 * count of their newest {@value #RECENT_ALERTS} alerts, merchants, IP addresses, devices),
 * aggregated edges with counts and amounts — and the graph measures served with the customer's
 * features.
 */
final class GraphRoutes {
  static final int MAX_HOPS = 4;
  static final int MAX_NODES = 2_000;
  static final int RECENT_ALERTS = 50;
  static final int CASE_HOPS = 2;
  static final int CASE_NODES = 100;

  private final ApiContext ctx;

  GraphRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void register(Javalin app) {
    app.get("/graph/customers/{customer_id}", this::neighbourhood);
  }

  private TransactionGraph graph() {
    TransactionGraph g = ctx.processor().graph();
    if (g == null) {
      throw new HttpResponseException(
          503, "The relationship graph is off (GRAPH_DETECTION=off); there is no graph to read");
    }
    return g;
  }

  private void neighbourhood(Context c) {
    CustomerId id = CustomerId.of(c.pathParam("customer_id"));
    int hops = ApiServer.intParam(c, "hops", 2);
    if (hops < 1 || hops > MAX_HOPS) {
      throw new InvalidFieldException("hops", hops + " is not between 1 and " + MAX_HOPS);
    }
    int maxNodes = ApiServer.intParam(c, "max_nodes", 200);
    if (maxNodes < 1 || maxNodes > MAX_NODES) {
      throw new InvalidFieldException("max_nodes", maxNodes + " is not between 1 and " + MAX_NODES);
    }
    Map<String, Object> out = network(graph(), id.value(), hops, maxNodes);
    if (out == null) {
      throw new HttpResponseException(
          404, "Customer " + id.value() + " has no transactions in the graph");
    }
    c.json(out);
  }

  /**
   * The neighbourhood of a customer for a case file: as {@code GET /graph/customers/{id}} gives it,
   * with {@value #CASE_HOPS} hops and at most {@value #CASE_NODES} nodes; null when the graph is
   * off or does not hold the customer.
   */
  Map<String, Object> forCase(String customerId) {
    TransactionGraph g = ctx.processor().graph();
    return g == null ? null : network(g, customerId, CASE_HOPS, CASE_NODES);
  }

  private Map<String, Object> network(TransactionGraph g, String id, int hops, int maxNodes) {
    Subgraph s = g.neighbourhood(GraphNode.account(id), hops, maxNodes);
    if (s.nodes().isEmpty()) {
      return null;
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (GraphNode n : s.nodes()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
      node.put("id", n.id());
      if (n.kind() == NodeKind.ACCOUNT) {
        List<Alert> recent = ctx.alerts().find(new AlertQuery(n.id(), null, RECENT_ALERTS));
        node.put(
            "risk_level",
            recent.stream()
                .map(Alert::riskLevel)
                .max(Comparator.naturalOrder())
                .map(Enum::name)
                .orElse(null));
        node.put("alerts", recent.size());
      }
      nodes.add(node);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (GraphEdge e : s.edges()) {
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
      edge.put("from", e.from().id());
      edge.put("to", e.to().id());
      edge.put("count", e.count());
      if (e.kind().carriesMoney()) {
        edge.put("amount", BigDecimal.valueOf(e.amountCents(), 2));
      }
      edge.put("first", e.first());
      edge.put("last", e.last());
      edges.add(edge);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("customer_id", id);
    out.put("hops", hops);
    out.put("measures", measures(g.measures(id)));
    out.put("nodes", nodes);
    out.put("edges", edges);
    out.put("truncated", s.nodes().size() >= maxNodes);
    return out;
  }

  /** The graph features of a customer, by their feature names, or null when there is no graph. */
  Map<String, Object> features(String customerId) {
    TransactionGraph g = ctx.processor().graph();
    return g == null ? null : measures(g.measures(customerId));
  }

  /** The measures by their feature names, as the registry defines them. */
  static Map<String, Object> measures(GraphMeasures m) {
    Map<String, Object> out = new LinkedHashMap<>();
    double[] values = GraphFeatures.values(m);
    for (int i = 0; i < values.length; i++) {
      FeatureDefinition d = GraphFeatures.DEFINITIONS.get(i);
      out.put(d.name(), d.type() == ValueType.INT ? (Object) (long) values[i] : values[i]);
    }
    return out;
  }
}

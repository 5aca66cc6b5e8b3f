package io.amlmonitor.graph;

import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.graph.Subgraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects a pattern's nodes and edges and turns them into a {@link NetworkFinding}. */
final class FindingBuilder {
  private final AdjacencyGraph g;
  private final Set<Integer> nodes = new LinkedHashSet<>();
  private final Set<Integer> edges = new LinkedHashSet<>();

  FindingBuilder(AdjacencyGraph g) {
    this.g = g;
  }

  /** Adds edge {@code e} and both its ends. */
  FindingBuilder edge(int e) {
    nodes.add(g.from(e));
    nodes.add(g.to(e));
    edges.add(e);
    return this;
  }

  FindingBuilder node(int n) {
    nodes.add(n);
    return this;
  }

  int accounts() {
    int c = 0;
    for (int n : nodes) {
      c += g.isAccount(n) ? 1 : 0;
    }
    return c;
  }

  NetworkFinding build(NetworkTypology typology, Trigger t, String detail) {
    List<GraphNode> ns = new ArrayList<>(nodes.size());
    for (int n : nodes) {
      ns.add(g.graphNode(n));
    }
    List<GraphEdge> es = new ArrayList<>(edges.size());
    for (int e : edges) {
      es.add(g.graphEdge(e));
    }
    return new NetworkFinding(
        typology,
        t.transaction().id(),
        t.transaction().customerId(),
        t.transaction().timestamp(),
        new Subgraph(ns, es),
        detail);
  }

  /** {@code names} joined by arrows: a path as people read it. */
  static String path(AdjacencyGraph g, List<Integer> nodes) {
    StringBuilder b = new StringBuilder();
    for (int n : nodes) {
      if (b.length() > 0) {
        b.append(" → ");
      }
      b.append(g.name(n));
    }
    return b.toString();
  }
}

package io.amlmonitor.graph;

import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.Subgraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node's neighbourhood: breadth-first in both directions, nearest nodes first. */
final class Neighbourhood {
  private Neighbourhood() {}

  static Subgraph of(AdjacencyGraph g, int start, int hops, int maxNodes) {
    Map<Integer, Integer> depth = new LinkedHashMap<>();
    depth.put(start, 0);
    List<Integer> frontier = List.of(start);
    for (int d = 1; d <= hops && !frontier.isEmpty(); d++) {
      List<Integer> next = new ArrayList<>();
      for (int n : frontier) {
        visit(g, g.outEdges(n), g.outDegree(n), true, d, depth, next, maxNodes);
        visit(g, g.inEdges(n), g.inDegree(n), false, d, depth, next, maxNodes);
      }
      frontier = next;
    }
    List<GraphNode> nodes = new ArrayList<>();
    List<GraphEdge> edges = new ArrayList<>();
    for (int n : depth.keySet()) {
      nodes.add(g.graphNode(n));
      int[] out = g.outEdges(n);
      for (int i = 0; i < g.outDegree(n); i++) {
        if (depth.containsKey(g.to(out[i]))) {
          edges.add(g.graphEdge(out[i]));
        }
      }
    }
    return new Subgraph(nodes, edges);
  }

  private static void visit(
      AdjacencyGraph g,
      int[] edges,
      int size,
      boolean outgoing,
      int d,
      Map<Integer, Integer> depth,
      List<Integer> next,
      int maxNodes) {
    for (int i = size - 1; i >= 0 && depth.size() < maxNodes; i--) {
      int other = outgoing ? g.to(edges[i]) : g.from(edges[i]);
      if (depth.putIfAbsent(other, d) == null) {
        next.add(other);
      }
    }
  }
}

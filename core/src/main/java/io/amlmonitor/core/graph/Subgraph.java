package io.amlmonitor.core.graph;

import java.util.List;

/**
 * Part of the graph: its nodes and the edges between them. A finding's subgraph holds the involved
 * accounts and the transfers that make the pattern; a neighbourhood holds what lies within some
 * hops of a node.
 */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges) {
  public Subgraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  public static final Subgraph EMPTY = new Subgraph(List.of(), List.of());

  /** The ids of the account nodes, in order. */
  public List<String> accounts() {
    return nodes.stream().filter(n -> n.kind() == NodeKind.ACCOUNT).map(GraphNode::id).toList();
  }
}

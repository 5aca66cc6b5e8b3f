package io.amlmonitor.core.graph;

import java.util.Objects;

/** A node of the relationship graph: an account, a merchant, an IP address or a device. */
public record GraphNode(NodeKind kind, String id) {
  public GraphNode {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("graph node id must not be blank, was '" + id + "'");
    }
  }

  public static GraphNode account(String id) {
    return new GraphNode(NodeKind.ACCOUNT, id);
  }
}

package io.amlmonitor.core.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * An aggregated edge: every transaction (or use of an identifier) from {@code from} to {@code to},
 * as a count, a sum in cents (0 for identifier edges) and the first and last event times.
 */
public record GraphEdge(
    EdgeKind kind,
    GraphNode from,
    GraphNode to,
    long count,
    long amountCents,
    Instant first,
    Instant last) {
  public GraphEdge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (count < 1) {
      throw new IllegalArgumentException("graph edge count must be at least 1, was " + count);
    }
    if (amountCents < 0) {
      throw new IllegalArgumentException("graph edge amount must not be negative: " + amountCents);
    }
  }
}

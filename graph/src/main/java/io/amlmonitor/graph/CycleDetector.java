package io.amlmonitor.graph;

import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds money returning to its origin: a transfer payer → receiver closes a cycle when the receiver
 * reaches the payer again through at most {@code maxCycleHops - 1} transfers of the same money
 * within the window.
 *
 * <p>Implementation note: a bidirectional search. A breadth-first search backwards from the payer
 * marks what reaches it within {@code (maxCycleHops - 1) / 2} transfers; one forwards from the
 * receiver, within the remaining hops, stops at the first marked node whose two halves make a
 * simple path. With branching factor d that reads about d³ + d² edges instead of d⁵ for six hops.
 * Marks are epoch-stamped arrays reused across transactions, so a search allocates nothing per
 * node. Both halves together read at most {@code maxVisits} edges: a cycle hidden behind more is
 * missed on the live path, which bounds its cost.
 */
final class CycleDetector {
  private final DetectionLimits limits;
  private final int backHops;
  private final int forwardHops;
  private int[] stamp = new int[0];
  private int[] parentEdge = new int[0];
  private int[] depth = new int[0];
  private int[] backStamp = new int[0];
  private int[] backDepth = new int[0];
  private int[] backNext = new int[0];
  private int[] queue = new int[0];
  private int epoch;
  private int visits;

  CycleDetector(DetectionLimits limits) {
    this.limits = limits;
    this.backHops = (limits.maxCycleHops() - 1) / 2;
    this.forwardHops = limits.maxCycleHops() - 1 - backHops;
  }

  void detect(AdjacencyGraph g, Trigger t, List<NetworkFinding> out) {
    if (!t.transfer() || t.payer() == t.receiver()) {
      return;
    }
    ensureCapacity(g.nodeCount());
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      Arrays.fill(backStamp, 0);
      epoch = 1;
    }
    visits = 0;
    markBackwards(g, t);
    int head = 0;
    int tail = 0;
    queue[tail++] = t.receiver();
    stamp[t.receiver()] = epoch;
    depth[t.receiver()] = 0;
    parentEdge[t.receiver()] = -1;
    while (head < tail) {
      int n = queue[head++];
      if (backStamp[n] == epoch && depth[n] + backDepth[n] <= limits.maxCycleHops() - 1) {
        List<Integer> path = simplePath(g, t, n);
        if (path != null) {
          out.add(finding(g, t, path));
          return;
        }
      }
      if (depth[n] >= forwardHops) {
        continue;
      }
      int[] edges = g.outEdges(n);
      for (int i = g.outDegree(n) - 1; i >= 0; i--) {
        if (++visits > limits.maxVisits()) {
          return;
        }
        int e = edges[i];
        int m = g.to(e);
        if (stamp[m] != epoch && t.sameMoney(g, e)) {
          stamp[m] = epoch;
          depth[m] = depth[n] + 1;
          parentEdge[m] = e;
          queue[tail++] = m;
        }
      }
    }
  }

  /** Marks every node that reaches the payer within {@code backHops} matching transfers. */
  private void markBackwards(AdjacencyGraph g, Trigger t) {
    int head = 0;
    int tail = 0;
    queue[tail++] = t.payer();
    backStamp[t.payer()] = epoch;
    backDepth[t.payer()] = 0;
    backNext[t.payer()] = -1;
    while (head < tail) {
      int n = queue[head++];
      if (backDepth[n] >= backHops) {
        continue;
      }
      int[] edges = g.inEdges(n);
      for (int i = g.inDegree(n) - 1; i >= 0; i--) {
        if (++visits > limits.maxVisits() / 2) {
          return;
        }
        int e = edges[i];
        int m = g.from(e);
        if (backStamp[m] != epoch && t.sameMoney(g, e)) {
          backStamp[m] = epoch;
          backDepth[m] = backDepth[n] + 1;
          backNext[m] = e;
          queue[tail++] = m;
        }
      }
    }
  }

  /** Receiver … meeting … payer, or null when the two halves share a node. */
  private List<Integer> simplePath(AdjacencyGraph g, Trigger t, int meeting) {
    List<Integer> path = new ArrayList<>();
    for (int n = meeting; n != t.receiver(); n = g.from(parentEdge[n])) {
      path.add(n);
    }
    path.add(t.receiver());
    Collections.reverse(path);
    Set<Integer> seen = new HashSet<>(path);
    for (int n = meeting; backNext[n] >= 0; ) {
      n = g.to(backNext[n]);
      if (n != t.payer() && !seen.add(n)) {
        return null;
      }
      path.add(n);
    }
    if (path.indexOf(t.payer()) != path.size() - 1) {
      return null;
    }
    path.add(0, t.payer());
    return path;
  }

  private NetworkFinding finding(AdjacencyGraph g, Trigger t, List<Integer> path) {
    FindingBuilder b = new FindingBuilder(g);
    for (int i = 0; i + 1 < path.size(); i++) {
      b.edge(g.edge(path.get(i), path.get(i + 1)));
    }
    return b.build(
        NetworkTypology.CYCLE,
        t,
        "money returned to "
            + g.name(t.payer())
            + " through "
            + (path.size() - 1)
            + " hops: "
            + FindingBuilder.path(g, path));
  }

  private void ensureCapacity(int nodes) {
    if (stamp.length < nodes) {
      int size = Math.max(nodes, stamp.length * 2);
      stamp = Arrays.copyOf(stamp, size);
      parentEdge = Arrays.copyOf(parentEdge, size);
      depth = Arrays.copyOf(depth, size);
      backStamp = Arrays.copyOf(backStamp, size);
      backDepth = Arrays.copyOf(backDepth, size);
      backNext = Arrays.copyOf(backNext, size);
      queue = Arrays.copyOf(queue, size);
    }
  }
}

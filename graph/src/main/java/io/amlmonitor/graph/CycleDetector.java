package io.amlmonitor.graph;

import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Finds money returning to its origin: a transfer payer → receiver closes a cycle when the receiver
 * reaches the payer again through at most {@code maxCycleHops - 1} transfers of the same money
 * within the window.
 *
 * <p>Implementation note: a breadth-first search from the receiver, so the cycle reported is a
 * shortest one; visited marks are epoch-stamped arrays reused across transactions, so a search
 * allocates nothing per node. It stops after {@code maxVisits} edges: a cycle hidden behind more
 * than that is missed on the live path, which bounds its cost.
 */
final class CycleDetector {
  private final DetectionLimits limits;
  private int[] stamp = new int[0];
  private int[] parentEdge = new int[0];
  private int[] depth = new int[0];
  private int[] queue = new int[0];
  private int epoch;

  CycleDetector(DetectionLimits limits) {
    this.limits = limits;
  }

  void detect(AdjacencyGraph g, Trigger t, List<NetworkFinding> out) {
    if (!t.transfer() || t.payer() == t.receiver()) {
      return;
    }
    ensureCapacity(g.nodeCount());
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
    int head = 0;
    int tail = 0;
    queue[tail++] = t.receiver();
    stamp[t.receiver()] = epoch;
    depth[t.receiver()] = 0;
    parentEdge[t.receiver()] = -1;
    int visits = 0;
    while (head < tail) {
      int n = queue[head++];
      if (depth[n] >= limits.maxCycleHops() - 1) {
        continue;
      }
      int[] edges = g.outEdges(n);
      int size = g.outDegree(n);
      for (int i = 0; i < size; i++) {
        if (++visits > limits.maxVisits()) {
          return;
        }
        int e = edges[i];
        if (!t.sameMoney(g, e)) {
          continue;
        }
        int m = g.to(e);
        if (m == t.payer()) {
          out.add(finding(g, t, n, e));
          return;
        }
        if (stamp[m] != epoch) {
          stamp[m] = epoch;
          depth[m] = depth[n] + 1;
          parentEdge[m] = e;
          queue[tail++] = m;
        }
      }
    }
  }

  private NetworkFinding finding(AdjacencyGraph g, Trigger t, int last, int closing) {
    List<Integer> path = new ArrayList<>();
    FindingBuilder b = new FindingBuilder(g).edge(t.edge()).edge(closing);
    for (int n = last; parentEdge[n] >= 0; n = g.from(parentEdge[n])) {
      b.edge(parentEdge[n]);
      path.add(n);
    }
    path.add(t.receiver());
    Collections.reverse(path);
    path.add(0, t.payer());
    path.add(t.payer());
    int hops = path.size() - 1;
    return b.build(
        NetworkTypology.CYCLE,
        t,
        "money returned to "
            + g.name(t.payer())
            + " through "
            + hops
            + " hops: "
            + FindingBuilder.path(g, path));
  }

  private void ensureCapacity(int nodes) {
    if (stamp.length < nodes) {
      int size = Math.max(nodes, stamp.length * 2);
      stamp = Arrays.copyOf(stamp, size);
      parentEdge = Arrays.copyOf(parentEdge, size);
      depth = Arrays.copyOf(depth, size);
      queue = Arrays.copyOf(queue, size);
    }
  }
}

package io.amlmonitor.graph;

import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds pass-through chains (layering): from a transfer payer → receiver, follows the same money
 * back from the payer and on from the receiver, one newest matching transfer per step, and reports
 * a chain of at least {@code minChainAccounts} accounts. Money must arrive before it leaves: a hop
 * counts only when its first event is no later than the next hop's last one.
 *
 * <p>Walks at most {@code maxCycleHops} steps each way and reads at most {@code maxVisits} edges.
 */
final class PassThroughDetector {
  private final DetectionLimits limits;

  PassThroughDetector(DetectionLimits limits) {
    this.limits = limits;
  }

  void detect(AdjacencyGraph g, Trigger t, List<NetworkFinding> out) {
    if (!t.transfer() || t.payer() == t.receiver()) {
      return;
    }
    Set<Integer> seen = new HashSet<>(List.of(t.payer(), t.receiver()));
    List<Integer> back = new ArrayList<>();
    List<Integer> on = new ArrayList<>();
    int[] visits = {0};
    walk(g, t, t.payer(), true, seen, back, visits);
    walk(g, t, t.receiver(), false, seen, on, visits);
    int accounts = 2 + back.size() + on.size();
    if (accounts < limits.minChainAccounts()) {
      return;
    }
    FindingBuilder b = new FindingBuilder(g);
    List<Integer> path = new ArrayList<>();
    for (int i = back.size() - 1; i >= 0; i--) {
      b.edge(back.get(i));
      path.add(g.from(back.get(i)));
    }
    b.edge(t.edge());
    path.add(t.payer());
    path.add(t.receiver());
    for (int e : on) {
      b.edge(e);
      path.add(g.to(e));
    }
    out.add(
        b.build(
            NetworkTypology.PASS_THROUGH,
            t,
            "money passed along " + accounts + " accounts: " + FindingBuilder.path(g, path)));
  }

  /** Follows matching transfers from {@code start}, backwards or forwards, into {@code chain}. */
  private void walk(
      AdjacencyGraph g,
      Trigger t,
      int start,
      boolean backwards,
      Set<Integer> seen,
      List<Integer> chain,
      int[] visits) {
    int n = start;
    int joined = t.edge();
    for (int step = 0; step < limits.maxCycleHops(); step++) {
      int[] edges = backwards ? g.inEdges(n) : g.outEdges(n);
      int size = backwards ? g.inDegree(n) : g.outDegree(n);
      int next = -1;
      for (int i = size - 1; i >= 0 && visits[0] < limits.maxVisits(); i--) {
        visits[0]++;
        int e = edges[i];
        int other = backwards ? g.from(e) : g.to(e);
        boolean inOrder = backwards ? g.first(e) <= g.last(joined) : g.last(e) >= g.first(joined);
        if (inOrder && !seen.contains(other) && t.sameMoney(g, e)) {
          next = e;
          break;
        }
      }
      if (next < 0) {
        return;
      }
      chain.add(next);
      joined = next;
      n = backwards ? g.from(next) : g.to(next);
      seen.add(n);
    }
  }
}

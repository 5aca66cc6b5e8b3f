package io.amlmonitor.graph;

import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds scatter-gather: when a transfer reaches a receiver, looks for one source that paid at least
 * {@code scatterThreshold} of the receiver's payers, each of which passed the same money on to it
 * within the window.
 *
 * <p>Reads at most {@code maxVisits} edges: the receiver's newest incoming transfers, then theirs.
 */
final class ScatterGatherDetector {
  private final DetectionLimits limits;

  ScatterGatherDetector(DetectionLimits limits) {
    this.limits = limits;
  }

  void detect(AdjacencyGraph g, Trigger t, List<NetworkFinding> out) {
    if (!t.transfer() || !t.fresh()) {
      return;
    }
    int gatherer = t.receiver();
    Map<Integer, Integer> viaCount = new HashMap<>();
    int visits = 0;
    int[] in = g.inEdges(gatherer);
    for (int i = g.inDegree(gatherer) - 1; i >= 0 && visits < limits.maxVisits(); i--) {
      visits++;
      if (!t.sameMoney(g, in[i])) {
        continue;
      }
      int middle = g.from(in[i]);
      int[] in2 = g.inEdges(middle);
      for (int j = g.inDegree(middle) - 1; j >= 0 && visits < limits.maxVisits(); j--) {
        visits++;
        int source = g.from(in2[j]);
        if (source != gatherer && t.sameMoney(g, in2[j])) {
          viaCount.merge(source, 1, Integer::sum);
        }
      }
    }
    int best = -1;
    int most = 0;
    for (Map.Entry<Integer, Integer> e : viaCount.entrySet()) {
      if (e.getValue() > most) {
        most = e.getValue();
        best = e.getKey();
      }
    }
    if (most < limits.scatterThreshold()) {
      return;
    }
    FindingBuilder b = new FindingBuilder(g).node(best);
    for (int i = g.inDegree(gatherer) - 1; i >= 0; i--) {
      int e = in[i];
      if (!t.sameMoney(g, e)) {
        continue;
      }
      int scatter = g.edge(best, g.from(e));
      if (scatter >= 0 && t.sameMoney(g, scatter)) {
        b.edge(scatter).edge(e);
      }
    }
    out.add(
        b.build(
            NetworkTypology.SCATTER_GATHER,
            t,
            g.name(best)
                + " scattered money through "
                + most
                + " accounts that gathered it in "
                + g.name(gatherer)));
  }
}

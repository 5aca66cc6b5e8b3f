package io.amlmonitor.graph;

import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.util.List;

/**
 * Finds shared-identifier rings (mule networks): when an account uses an IP address or a device for
 * the first time within the window, and at least {@code ringThreshold} accounts used it within the
 * window.
 *
 * <p>Reads at most the newest {@code maxVisits} users of each identifier.
 */
final class RingDetector {
  private final DetectionLimits limits;

  RingDetector(DetectionLimits limits) {
    this.limits = limits;
  }

  void detect(AdjacencyGraph g, Trigger t, List<NetworkFinding> out) {
    for (int identifier : t.identifiers()) {
      int[] users = g.inEdges(identifier);
      int size = g.inDegree(identifier);
      FindingBuilder b = new FindingBuilder(g).node(identifier);
      for (int i = size - 1; i >= Math.max(0, size - limits.maxVisits()); i--) {
        if (g.last(users[i]) >= t.since()) {
          b.edge(users[i]);
        }
      }
      int accounts = b.accounts();
      if (accounts >= limits.ringThreshold()) {
        out.add(
            b.build(
                NetworkTypology.SHARED_IDENTIFIER_RING,
                t,
                accounts
                    + " customers used "
                    + g.kindOf(identifier).name().toLowerCase(java.util.Locale.ROOT)
                    + " "
                    + g.name(identifier)
                    + " within the window"));
      }
    }
  }
}

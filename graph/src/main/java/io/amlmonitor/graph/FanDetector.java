package io.amlmonitor.graph;

import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.util.List;

/**
 * Finds fan-in (many accounts paying the receiver), fan-out (the payer paying many accounts) and
 * gather-scatter (an account both gathering from and scattering to many) when a transfer brings a
 * new counterparty into the window.
 *
 * <p>Counts only transfers within the window that may carry the same money (the amount tolerance),
 * and reads at most the newest {@code maxVisits} edges per side.
 */
final class FanDetector {
  private final DetectionLimits limits;

  FanDetector(DetectionLimits limits) {
    this.limits = limits;
  }

  void detect(AdjacencyGraph g, Trigger t, List<NetworkFinding> out) {
    if (!t.transfer() || !t.fresh()) {
      return;
    }
    int senders = count(g, t, g.inEdges(t.receiver()), g.inDegree(t.receiver()));
    int receivers = count(g, t, g.outEdges(t.payer()), g.outDegree(t.payer()));
    int k = limits.fanThreshold();
    if (senders >= k) {
      FindingBuilder b = new FindingBuilder(g).node(t.receiver());
      add(g, t, g.inEdges(t.receiver()), g.inDegree(t.receiver()), b);
      out.add(
          b.build(
              NetworkTypology.FAN_IN,
              t,
              senders + " accounts paid " + g.name(t.receiver()) + " within the window"));
    }
    if (receivers >= k) {
      FindingBuilder b = new FindingBuilder(g).node(t.payer());
      add(g, t, g.outEdges(t.payer()), g.outDegree(t.payer()), b);
      out.add(
          b.build(
              NetworkTypology.FAN_OUT,
              t,
              g.name(t.payer()) + " paid " + receivers + " accounts within the window"));
    }
    // The transfer may make either end a hub: its new sender or its new receiver.
    hub(g, t, t.receiver(), senders, out);
    hub(g, t, t.payer(), receivers, out);
  }

  private void hub(AdjacencyGraph g, Trigger t, int hub, int known, List<NetworkFinding> out) {
    int k = limits.fanThreshold();
    int in = hub == t.receiver() ? known : count(g, t, g.inEdges(hub), g.inDegree(hub));
    int outs = hub == t.payer() ? known : count(g, t, g.outEdges(hub), g.outDegree(hub));
    if (in < k || outs < k) {
      return;
    }
    FindingBuilder b = new FindingBuilder(g).node(hub);
    add(g, t, g.inEdges(hub), g.inDegree(hub), b);
    add(g, t, g.outEdges(hub), g.outDegree(hub), b);
    out.add(
        b.build(
            NetworkTypology.GATHER_SCATTER,
            t,
            g.name(hub) + " gathered from " + in + " accounts and paid " + outs + " accounts"));
  }

  private int count(AdjacencyGraph g, Trigger t, int[] edges, int size) {
    int n = 0;
    for (int i = Math.max(0, size - limits.maxVisits()); i < size; i++) {
      if (t.sameMoney(g, edges[i])) {
        n++;
      }
    }
    return n;
  }

  private void add(AdjacencyGraph g, Trigger t, int[] edges, int size, FindingBuilder b) {
    for (int i = Math.max(0, size - limits.maxVisits()); i < size; i++) {
      if (t.sameMoney(g, edges[i])) {
        b.edge(edges[i]);
      }
    }
  }
}

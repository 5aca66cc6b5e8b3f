package io.amlmonitor.graph;

import io.amlmonitor.core.graph.GraphMeasures;
import io.amlmonitor.core.graph.NodeKind;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Computes an account's {@link GraphMeasures} from the adjacency, each with bounded reads: at most
 * {@value #MAX_NEIGHBOURS} counterparties for the clustering coefficient, {@code maxVisits} edges
 * otherwise; betweenness comes from {@link SampledBetweenness}, recomputed when the graph has grown
 * by a tenth since.
 */
final class GraphMeasurer {
  static final int MAX_NEIGHBOURS = 64;
  private final AdjacencyGraph g;
  private final int maxVisits;
  private final BitSet flagged = new BitSet();
  private final SampledBetweenness betweenness;

  GraphMeasurer(AdjacencyGraph g, int maxVisits) {
    this.g = g;
    this.maxVisits = maxVisits;
    this.betweenness = new SampledBetweenness(g, SampledBetweenness.SAMPLES, 42);
  }

  void flag(int n) {
    if (n >= 0) {
      flagged.set(n);
    }
  }

  GraphMeasures measure(int n) {
    Set<Integer> counterparties = counterparties(n);
    int moneyNodes = g.count(NodeKind.ACCOUNT) + g.count(NodeKind.MERCHANT);
    double degree = moneyNodes <= 1 ? 0 : counterparties.size() / (double) (moneyNodes - 1);
    int flaggedCount = 0;
    for (int c : counterparties) {
      flaggedCount += flagged.get(c) ? 1 : 0;
    }
    double share = counterparties.isEmpty() ? 0 : flaggedCount / (double) counterparties.size();
    int ips = 0;
    Set<Integer> ring = new HashSet<>();
    int[] out = g.outEdges(n);
    for (int i = 0; i < g.outDegree(n); i++) {
      NodeKind k = g.kindOf(g.to(out[i]));
      if (k == NodeKind.IP) {
        ips++;
      }
      if (k == NodeKind.IP || k == NodeKind.DEVICE) {
        int id = g.to(out[i]);
        int[] users = g.inEdges(id);
        for (int j = g.inDegree(id) - 1; j >= 0 && ring.size() < maxVisits; j--) {
          int u = g.from(users[j]);
          if (u != n) {
            ring.add(u);
          }
        }
      }
    }
    return new GraphMeasures(
        degree, betweenness.of(n), clustering(n, counterparties), ips, ring.size(), share);
  }

  /** Distinct accounts and merchants {@code n} paid or was paid by, newest first, bounded. */
  private Set<Integer> counterparties(int n) {
    Set<Integer> set = new LinkedHashSet<>();
    int[] out = g.outEdges(n);
    for (int i = g.outDegree(n) - 1; i >= 0 && set.size() < maxVisits; i--) {
      int m = g.to(out[i]);
      if (m != n && g.kindOfEdge(out[i]).carriesMoney()) {
        set.add(m);
      }
    }
    int[] in = g.inEdges(n);
    for (int i = g.inDegree(n) - 1; i >= 0 && set.size() < maxVisits; i--) {
      int m = g.from(in[i]);
      if (m != n) {
        set.add(m);
      }
    }
    return set;
  }

  /** Local clustering coefficient over the undirected money graph, on the newest neighbours. */
  private double clustering(int n, Set<Integer> counterparties) {
    Integer[] nb = counterparties.stream().limit(MAX_NEIGHBOURS).toArray(Integer[]::new);
    int k = nb.length;
    if (k < 2) {
      return 0;
    }
    long links = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (g.edge(nb[i], nb[j]) >= 0 || g.edge(nb[j], nb[i]) >= 0) {
          links++;
        }
      }
    }
    return links / (k * (k - 1) / 2.0);
  }
}

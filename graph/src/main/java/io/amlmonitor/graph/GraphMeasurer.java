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

  /** A neighbour with more edges than this many times the neighbours is looked up, not scanned. */
  private static final int SCAN_FACTOR = 4;

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
  Set<Integer> counterparties(int n) {
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

  /**
   * Local clustering coefficient over the undirected money graph, on the newest neighbours.
   *
   * <p>Implementation note: a pair of neighbours is linked when either pays the other. Asking the
   * edge index for every pair costs k² look-ups (two thousand for 64 neighbours, most of them cache
   * misses); instead each neighbour of small degree scans its own edges for other neighbours
   * (sequential reads), and only pairs of two high-degree neighbours (merchants, hubs) are looked
   * up. A bit matrix counts each linked pair once, however it was found.
   */
  double clustering(int n, Set<Integer> counterparties) {
    int k = Math.min(counterparties.size(), MAX_NEIGHBOURS);
    if (k < 2) {
      return 0;
    }
    int[] nb = new int[k];
    int filled = 0;
    for (int c : counterparties) {
      if (filled == k) {
        break;
      }
      nb[filled++] = c;
    }
    NeighbourIndex index = new NeighbourIndex(nb);
    long[] linked = new long[k];
    boolean[] large = new boolean[k];
    int scanLimit = SCAN_FACTOR * k;
    for (int i = 0; i < k; i++) {
      int u = nb[i];
      if (g.outDegree(u) + g.inDegree(u) > scanLimit) {
        large[i] = true;
        continue;
      }
      int[] out = g.outEdges(u);
      for (int e = 0; e < g.outDegree(u); e++) {
        mark(linked, i, index.of(g.to(out[e])));
      }
      int[] in = g.inEdges(u);
      for (int e = 0; e < g.inDegree(u); e++) {
        mark(linked, i, index.of(g.from(in[e])));
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; large[i] && j < k; j++) {
        // an edge leaves a node that pays: two that never paid (merchants) are never linked
        if (large[j]
            && ((g.outDegree(nb[i]) > 0 && g.edge(nb[i], nb[j]) >= 0)
                || (g.outDegree(nb[j]) > 0 && g.edge(nb[j], nb[i]) >= 0))) {
          mark(linked, i, j);
        }
      }
    }
    long links = 0;
    for (long row : linked) {
      links += Long.bitCount(row);
    }
    return links / (k * (k - 1) / 2.0);
  }

  /** Records the pair {i, j} (no-op for j < 0 or j == i) in the upper triangle. */
  private static void mark(long[] linked, int i, int j) {
    if (j < 0 || j == i) {
      return;
    }
    linked[Math.min(i, j)] |= 1L << Math.max(i, j);
  }

  /** Position of a node among at most {@value #MAX_NEIGHBOURS} neighbours, by open addressing. */
  private static final class NeighbourIndex {
    private final int[] keys;
    private final int[] positions;
    private final int mask;

    NeighbourIndex(int[] nodes) {
      int size = Integer.highestOneBit(nodes.length * 4 - 1) << 1;
      keys = new int[size];
      positions = new int[size];
      mask = size - 1;
      java.util.Arrays.fill(keys, -1);
      for (int p = 0; p < nodes.length; p++) {
        int slot = mix(nodes[p]) & mask;
        while (keys[slot] != -1) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = nodes[p];
        positions[slot] = p;
      }
    }

    int of(int node) {
      for (int slot = mix(node) & mask; ; slot = (slot + 1) & mask) {
        int key = keys[slot];
        if (key == node) {
          return positions[slot];
        }
        if (key == -1) {
          return -1;
        }
      }
    }

    private static int mix(int x) {
      return x * 0x9E3779B9 >>> 7;
    }
  }
}

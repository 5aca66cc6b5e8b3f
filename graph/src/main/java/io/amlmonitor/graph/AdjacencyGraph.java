package io.amlmonitor.graph;

import io.amlmonitor.core.graph.EdgeKind;
import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NodeKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The graph's storage: nodes numbered densely, aggregated edges in parallel primitive arrays, and
 * each node's outgoing and incoming edges as growable {@code int} arrays. Not thread-safe; {@link
 * InMemoryTransactionGraph} guards it.
 *
 * <p>Implementation note: one edge per ordered node pair (its kind follows from the nodes' kinds),
 * found through a {@link LongIntMap} keyed by both node numbers. Amount bounds (the smallest and
 * largest single amount) and a 64-bit set of amount buckets let detectors ask whether an edge could
 * carry a given amount without keeping every transaction: bounds alone say yes to any amount
 * between two that differ widely, which on AMLSim's data made almost every account a fan-out. Event
 * times are epoch milliseconds; out-of-order events widen first and last.
 */
final class AdjacencyGraph {
  private static final NodeKind[] NODE_KINDS = NodeKind.values();
  private static final int[] NO_EDGES = new int[0];

  @SuppressWarnings("unchecked")
  private final Map<String, Integer>[] ids = new Map[NODE_KINDS.length];

  private String[] names = new String[1024];
  private byte[] nodeKind = new byte[1024];
  private int[][] out = new int[1024][];
  private int[] outSize = new int[1024];
  private int[][] in = new int[1024][];
  private int[] inSize = new int[1024];
  private int nodes;

  private int[] from = new int[1024];
  private int[] to = new int[1024];
  private long[] count = new long[1024];
  private long[] sum = new long[1024];
  private long[] min = new long[1024];
  private long[] max = new long[1024];
  private long[] amountBits = new long[1024];
  private long[] first = new long[1024];
  private long[] last = new long[1024];
  private int edges;
  private final LongIntMap pairs = new LongIntMap(1024);

  AdjacencyGraph() {
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new HashMap<>();
    }
  }

  /** The number of node {@code id} of {@code kind}, added when new. */
  int node(NodeKind kind, String id) {
    Integer n = ids[kind.ordinal()].get(id);
    if (n != null) {
      return n;
    }
    if (nodes == names.length) {
      int size = nodes * 2;
      names = Arrays.copyOf(names, size);
      nodeKind = Arrays.copyOf(nodeKind, size);
      out = Arrays.copyOf(out, size);
      outSize = Arrays.copyOf(outSize, size);
      in = Arrays.copyOf(in, size);
      inSize = Arrays.copyOf(inSize, size);
    }
    int created = nodes++;
    names[created] = id;
    nodeKind[created] = (byte) kind.ordinal();
    out[created] = NO_EDGES;
    in[created] = NO_EDGES;
    ids[kind.ordinal()].put(id, created);
    return created;
  }

  /** The number of node {@code id} of {@code kind}, or -1 when the graph does not hold it. */
  int find(NodeKind kind, String id) {
    Integer n = ids[kind.ordinal()].get(id);
    return n == null ? -1 : n;
  }

  /**
   * Adds one event of {@code cents} at {@code atMillis} to the edge from {@code f} to {@code t}.
   *
   * @return the edge's number, negated minus one when the edge was fresh: new, or idle for longer
   *     than {@code freshAfterMillis} before this event
   */
  int addEvent(int f, int t, long cents, long bit, long atMillis, long freshAfterMillis) {
    long key = ((long) f << 32) | (t & 0xFFFFFFFFL);
    int e = pairs.get(key);
    if (e < 0) {
      e = newEdge(f, t, key);
      count[e] = 1;
      sum[e] = cents;
      min[e] = cents;
      max[e] = cents;
      amountBits[e] = bit;
      first[e] = atMillis;
      last[e] = atMillis;
      return -e - 1;
    }
    boolean fresh = atMillis - last[e] > freshAfterMillis;
    count[e]++;
    sum[e] += cents;
    min[e] = Math.min(min[e], cents);
    max[e] = Math.max(max[e], cents);
    amountBits[e] |= bit;
    first[e] = Math.min(first[e], atMillis);
    last[e] = Math.max(last[e], atMillis);
    return fresh ? -e - 1 : e;
  }

  private int newEdge(int f, int t, long key) {
    if (edges == from.length) {
      int size = edges * 2;
      from = Arrays.copyOf(from, size);
      to = Arrays.copyOf(to, size);
      count = Arrays.copyOf(count, size);
      sum = Arrays.copyOf(sum, size);
      min = Arrays.copyOf(min, size);
      max = Arrays.copyOf(max, size);
      amountBits = Arrays.copyOf(amountBits, size);
      first = Arrays.copyOf(first, size);
      last = Arrays.copyOf(last, size);
    }
    int e = edges++;
    from[e] = f;
    to[e] = t;
    pairs.put(key, e);
    out[f] = append(out[f], outSize[f]++, e);
    in[t] = append(in[t], inSize[t]++, e);
    return e;
  }

  private static int[] append(int[] list, int size, int e) {
    int[] target = list;
    if (size == list.length) {
      target = Arrays.copyOf(list, Math.max(4, size * 2));
    }
    target[size] = e;
    return target;
  }

  /** The edge from {@code f} to {@code t}, or -1. */
  int edge(int f, int t) {
    return pairs.get(((long) f << 32) | (t & 0xFFFFFFFFL));
  }

  /** How many nodes of {@code kind} the graph holds. */
  int count(NodeKind kind) {
    return ids[kind.ordinal()].size();
  }

  int nodeCount() {
    return nodes;
  }

  int edgeCount() {
    return edges;
  }

  int[] outEdges(int n) {
    return out[n];
  }

  int outDegree(int n) {
    return outSize[n];
  }

  int[] inEdges(int n) {
    return in[n];
  }

  int inDegree(int n) {
    return inSize[n];
  }

  NodeKind kindOf(int n) {
    return NODE_KINDS[nodeKind[n]];
  }

  boolean isAccount(int n) {
    return nodeKind[n] == NodeKind.ACCOUNT.ordinal();
  }

  String name(int n) {
    return names[n];
  }

  int from(int e) {
    return from[e];
  }

  int to(int e) {
    return to[e];
  }

  long count(int e) {
    return count[e];
  }

  long sum(int e) {
    return sum[e];
  }

  long first(int e) {
    return first[e];
  }

  long last(int e) {
    return last[e];
  }

  /**
   * Whether an event on {@code e} may have had an amount within [{@code low}, {@code high}]: the
   * range of its amounts overlaps, and one of them fell in one of the amount buckets {@code bits}
   * (see {@link AmountBuckets}). Never false when one did; sometimes true when none did.
   */
  boolean mayCarry(int e, long low, long high, long bits) {
    return max[e] >= low && min[e] <= high && (amountBits[e] & bits) != 0;
  }

  /** Whether {@code e} carries money between two accounts. */
  boolean isTransfer(int e) {
    return isAccount(from[e]) && isAccount(to[e]);
  }

  EdgeKind kindOfEdge(int e) {
    return switch (kindOf(to[e])) {
      case ACCOUNT -> EdgeKind.TRANSFER;
      case MERCHANT -> EdgeKind.PAYMENT;
      case IP -> EdgeKind.USED_IP;
      case DEVICE -> EdgeKind.USED_DEVICE;
    };
  }

  GraphNode graphNode(int n) {
    return new GraphNode(kindOf(n), names[n]);
  }

  GraphEdge graphEdge(int e) {
    EdgeKind k = kindOfEdge(e);
    return new GraphEdge(
        k,
        graphNode(from[e]),
        graphNode(to[e]),
        count[e],
        k.carriesMoney() ? sum[e] : 0,
        Instant.ofEpochMilli(first[e]),
        Instant.ofEpochMilli(last[e]));
  }
}

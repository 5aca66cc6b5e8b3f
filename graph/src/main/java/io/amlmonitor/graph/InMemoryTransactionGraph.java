package io.amlmonitor.graph;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.GraphMeasures;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import io.amlmonitor.core.graph.TransactionGraph;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The relationship graph in this process: purpose-built adjacency ({@link AdjacencyGraph}) updated
 * with every transaction, and the network detectors run from each new transaction within {@link
 * DetectionLimits}. Safe for one writer and concurrent readers (methods are synchronised).
 */
public final class InMemoryTransactionGraph implements TransactionGraph {
  private static final int[] NONE = new int[0];

  private final AdjacencyGraph g = new AdjacencyGraph();
  private final DetectionLimits limits;
  private final long windowMillis;
  private final CycleDetector cycles;
  private final FanDetector fans;
  private final ScatterGatherDetector scatterGather;
  private final PassThroughDetector passThrough;
  private final RingDetector rings;
  private final GraphMeasurer measurer;
  private final AmountBuckets buckets;
  private final Set<NetworkTypology> typologies;

  public InMemoryTransactionGraph(DetectionLimits limits) {
    this(limits, EnumSet.allOf(NetworkTypology.class));
  }

  /**
   * @param typologies the typologies to look for; detectors of the others do not run
   */
  public InMemoryTransactionGraph(DetectionLimits limits, Set<NetworkTypology> typologies) {
    this.typologies =
        typologies.isEmpty() ? EnumSet.noneOf(NetworkTypology.class) : EnumSet.copyOf(typologies);
    this.limits = limits;
    this.windowMillis = limits.window().toMillis();
    this.cycles = new CycleDetector(limits);
    this.fans = new FanDetector(limits);
    this.scatterGather = new ScatterGatherDetector(limits);
    this.passThrough = new PassThroughDetector(limits);
    this.rings = new RingDetector(limits);
    this.measurer = new GraphMeasurer(g, limits.maxVisits());
    this.buckets = new AmountBuckets(limits.amountTolerance());
  }

  public InMemoryTransactionGraph() {
    this(DetectionLimits.DEFAULT);
  }

  public DetectionLimits limits() {
    return limits;
  }

  @Override
  public synchronized void add(Transaction t) {
    enter(t);
  }

  @Override
  public synchronized List<NetworkFinding> record(Transaction t) {
    Trigger trigger = enter(t);
    List<NetworkFinding> out = new ArrayList<>(0);
    if (typologies.contains(NetworkTypology.CYCLE)) {
      cycles.detect(g, trigger, out);
    }
    if (typologies.contains(NetworkTypology.FAN_IN)
        || typologies.contains(NetworkTypology.FAN_OUT)
        || typologies.contains(NetworkTypology.GATHER_SCATTER)) {
      fans.detect(g, trigger, out);
      out.removeIf(f -> !typologies.contains(f.typology()));
    }
    if (typologies.contains(NetworkTypology.SCATTER_GATHER)) {
      scatterGather.detect(g, trigger, out);
    }
    if (typologies.contains(NetworkTypology.PASS_THROUGH)) {
      passThrough.detect(g, trigger, out);
    }
    if (typologies.contains(NetworkTypology.SHARED_IDENTIFIER_RING)) {
      rings.detect(g, trigger, out);
    }
    for (NetworkFinding f : out) {
      for (String account : f.subgraph().accounts()) {
        measurer.flag(g.find(NodeKind.ACCOUNT, account));
      }
    }
    return out;
  }

  private Trigger enter(Transaction t) {
    long at = t.timestamp().toEpochMilli();
    long cents = t.amount().cents();
    int payer = g.node(NodeKind.ACCOUNT, t.customerId().value());
    boolean transfer = t.merchantId() == null;
    int receiver =
        transfer
            ? g.node(NodeKind.ACCOUNT, t.counterpartyId().value())
            : g.node(NodeKind.MERCHANT, t.merchantId().value());
    int e = g.addEvent(payer, receiver, cents, buckets.bit(cents), at, windowMillis);
    boolean fresh = e < 0;
    int edge = fresh ? -e - 1 : e;
    int[] identifiers = NONE;
    if (t.ipAddress() != null) {
      identifiers = used(payer, NodeKind.IP, t.ipAddress(), at, identifiers);
    }
    if (t.deviceId() != null) {
      identifiers = used(payer, NodeKind.DEVICE, t.deviceId(), at, identifiers);
    }
    return new Trigger(
        t,
        payer,
        receiver,
        transfer,
        edge,
        fresh,
        limits.low(cents),
        limits.high(cents),
        buckets.bits(limits.low(cents), limits.high(cents)),
        at - windowMillis,
        identifiers);
  }

  private int[] used(int payer, NodeKind kind, String id, long at, int[] fresh) {
    int n = g.node(kind, id);
    if (g.addEvent(payer, n, 0, 0, at, windowMillis) >= 0) {
      return fresh;
    }
    int[] more = java.util.Arrays.copyOf(fresh, fresh.length + 1);
    more[fresh.length] = n;
    return more;
  }

  @Override
  public synchronized Subgraph neighbourhood(GraphNode node, int hops, int maxNodes) {
    int n = g.find(node.kind(), node.id());
    return n < 0 ? Subgraph.EMPTY : Neighbourhood.of(g, n, hops, maxNodes);
  }

  @Override
  public synchronized GraphMeasures measures(String accountId) {
    int n = g.find(NodeKind.ACCOUNT, accountId);
    return n < 0 ? GraphMeasures.NONE : measurer.measure(n);
  }

  @Override
  public synchronized void flag(String accountId) {
    measurer.flag(g.node(NodeKind.ACCOUNT, accountId));
  }

  /** The storage itself, for measurements in this package's tests. */
  AdjacencyGraph adjacency() {
    return g;
  }

  @Override
  public synchronized long nodeCount() {
    return g.nodeCount();
  }

  @Override
  public synchronized long edgeCount() {
    return g.edgeCount();
  }
}

package io.amlmonitor.core.feature;

import io.amlmonitor.core.feature.Aggregation.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates the features of one entity type (and, for customers, those of the scored transaction)
 * from an {@link EntityState} at a read time, writing each value into its slot.
 *
 * <p>Implementation note: features are compiled once into window slots (flow, window) and flat
 * arrays of what each feature reads, so a read does no lookup per feature. Per flow, one backward
 * pass over the raw events fills every slot of the flow ({@link FlowScan}), and one pass over the
 * party memory counts the new parties of every window. Scratch space is per thread, so a read
 * allocates nothing.
 */
final class FeatureReader {
  private static final double MILLIS_PER_MINUTE = 60_000.0;
  private static final double MILLIS_PER_DAY = WindowKind.DAY;
  private static final double DAYS_PER_MONTH = 30.0;
  private static final int OUT = 0;
  private static final int IN = 1;

  private final PopulationStats population;
  private final long roundUnitCents;
  private final boolean needsPopulation;

  /** Per feature of this reader: its registry index, aggregation, window and where it reads. */
  private final int[] index;

  private final Aggregation[] aggregation;
  private final Direction[] direction;
  private final long[] windowMillis;
  private final boolean[] transaction;

  /** The window slot read, or -1; for cross-flow features the outgoing one. */
  private final int[] slot;

  /** The incoming slot of cross-flow features, or -1. */
  private final int[] secondSlot;

  /** Maintained distinct index for merchant distinct features, or -1. */
  private final int[] maintained;

  /** Position of a new-parties feature's window among its flow's {@link #partyWindows}, or -1. */
  private final int[] partyWindow;

  private final WindowSlot[] slots;

  /** Slot indices by flow ({@link #OUT}, {@link #IN}). */
  private final int[][] flowSlots;

  /** Windows of new-parties features by flow. */
  private final long[][] partyWindows;

  private final ThreadLocal<Scratch> scratch;

  /** Per-thread working space of a read. */
  private static final class Scratch {
    final WindowTotals[] totals;
    final FlowScan scan;
    final int[] hi = new int[2];
    final long[] previous = new long[2];
    final int[][] newParties;
    final DistinctSet seen = new DistinctSet();

    Scratch(int slotCount, long[][] partyWindows) {
      totals = new WindowTotals[slotCount];
      for (int i = 0; i < slotCount; i++) {
        totals[i] = new WindowTotals();
      }
      scan = new FlowScan(slotCount);
      newParties =
          new int[][] {new int[partyWindows[OUT].length], new int[partyWindows[IN].length]};
    }
  }

  FeatureReader(
      FeatureRegistry registry,
      EntityType entity,
      FeatureSettings settings,
      PopulationStats population,
      LogSpec outgoing,
      LogSpec incoming) {
    this.population = population;
    this.roundUnitCents = settings.roundUnit().cents();
    List<WindowSlot> windowSlots = new ArrayList<>();
    List<List<Long>> parties = List.of(new ArrayList<>(), new ArrayList<>());
    List<FeatureDefinition> mine = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < registry.size(); i++) {
      FeatureDefinition d = registry.get(i);
      if (d.entity() == entity
          || (entity == EntityType.CUSTOMER && d.entity() == EntityType.TRANSACTION)) {
        mine.add(d);
        indices.add(i);
      }
    }
    int n = mine.size();
    index = indices.stream().mapToInt(Integer::intValue).toArray();
    aggregation = new Aggregation[n];
    direction = new Direction[n];
    windowMillis = new long[n];
    transaction = new boolean[n];
    slot = new int[n];
    secondSlot = new int[n];
    maintained = new int[n];
    partyWindow = new int[n];
    boolean pop = false;
    for (int i = 0; i < n; i++) {
      FeatureDefinition d = mine.get(i);
      Aggregation a = d.aggregation();
      aggregation[i] = a;
      direction[i] = d.direction();
      windowMillis[i] = d.windowMillis();
      transaction[i] = d.entity() == EntityType.TRANSACTION;
      slot[i] = -1;
      secondSlot[i] = -1;
      maintained[i] = -1;
      partyWindow[i] = -1;
      if (a == Aggregation.PASS_THROUGH_RATIO
          || a == Aggregation.NET_FLOW
          || a == Aggregation.DAYS_DORMANT) {
        slot[i] = slot(windowSlots, entity, Direction.OUTGOING, d);
        secondSlot[i] = slot(windowSlots, entity, Direction.INCOMING, d);
      } else if (a == Aggregation.NEW_PARTIES) {
        List<Long> windows = parties.get(d.direction().log());
        if (!windows.contains(d.windowMillis())) {
          windows.add(d.windowMillis());
        }
        partyWindow[i] = windows.indexOf(d.windowMillis());
      } else if (!d.window().isZero()) {
        Direction dir = transaction[i] ? Direction.OUTGOING : d.direction();
        slot[i] = slot(windowSlots, entity, dir, d);
        WindowSlot ws = windowSlots.get(slot[i]);
        if (entity == EntityType.MERCHANT && a.kind() == Kind.DISTINCT) {
          maintained[i] = incoming.distinctIndex(d.windowMillis(), a == Aggregation.DISTINCT_IPS);
        } else if (ws.kind == WindowKind.EXACT) {
          ws.scanMask |= scanMask(a);
        }
      }
      pop |=
          a == Aggregation.POPULATION_ZSCORE
              || a == Aggregation.POPULATION_OUTLIER_RATIO
              || a == Aggregation.TXN_AMOUNT_ZSCORE;
    }
    this.needsPopulation = pop;
    this.slots = windowSlots.toArray(new WindowSlot[0]);
    this.flowSlots = new int[2][];
    this.partyWindows = new long[2][];
    for (Direction dir : List.of(Direction.OUTGOING, Direction.INCOMING)) {
      int f = dir.log();
      List<Integer> of = new ArrayList<>();
      for (int s = 0; s < slots.length; s++) {
        if (slots[s].direction == dir) {
          of.add(s);
        }
      }
      flowSlots[f] = of.stream().mapToInt(Integer::intValue).toArray();
      partyWindows[f] = parties.get(f).stream().mapToLong(Long::longValue).toArray();
    }
    int slotCount = slots.length;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(slotCount, partyWindows));
  }

  /** What the pass over an exact window must gather for {@code a}. */
  private static int scanMask(Aggregation a) {
    int mask = 0;
    if (a.kind() == Kind.SCAN || a.kind() == Kind.FLAG) {
      mask |= FlowScan.SCAN;
    }
    if (a.kind() == Kind.DISTINCT
        || a == Aggregation.DISTINCT_MERCHANTS
        || a == Aggregation.MERCHANT_DIVERSITY) {
      mask |= FlowScan.SCAN | FlowScan.DISTINCT;
    }
    if (a == Aggregation.POPULATION_ZSCORE || a == Aggregation.POPULATION_OUTLIER_RATIO) {
      mask |= FlowScan.POPULATION;
    }
    if (a == Aggregation.AMOUNT_TREND) {
      mask |= FlowScan.TREND;
    }
    if (a == Aggregation.GAP_REGULARITY) {
      mask |= FlowScan.GAPS;
    }
    if (a == Aggregation.HOUR_ENTROPY) {
      mask |= FlowScan.HOURS;
    }
    return mask;
  }

  private static int slot(
      List<WindowSlot> windowSlots, EntityType entity, Direction direction, FeatureDefinition d) {
    long w = d.windowMillis();
    for (int i = 0; i < windowSlots.size(); i++) {
      if (windowSlots.get(i).matches(direction, w)) {
        return i;
      }
    }
    windowSlots.add(
        new WindowSlot(direction, w, WindowKind.of(entity, d.window(), d.aggregation())));
    return windowSlots.size() - 1;
  }

  /**
   * The scored transaction, for transaction features.
   *
   * @param receiverHash hash of who receives the money
   */
  record Scored(long amountCents, long receiverHash) {}

  /**
   * Writes this entity's features as of {@code at} (exclusive) into {@code out}, and into {@code
   * previous[from]} and {@code previous[from + 1]} the time of the newest event before {@code at}
   * of its outgoing and its incoming flow ({@link Long#MIN_VALUE} when none), from which each
   * value's age follows.
   *
   * @param s the entity's state, null when unknown (everything reads 0)
   * @param expectedMonthlyCents the customer's declared monthly volume, 0 when none
   * @param scored the scored transaction, or null for an entity lookup (transaction features are
   *     then left 0)
   * @return whether the entity has any event before {@code at}
   */
  boolean read(
      EntityState s,
      long at,
      double[] out,
      long[] previous,
      int from,
      long expectedMonthlyCents,
      Scored scored) {
    Scratch x = scratch.get();
    EventLog outLog = s == null ? null : s.log(Direction.OUTGOING);
    EventLog inLog = s == null ? null : s.log(Direction.INCOMING);
    PopulationStats.Reference ref = needsPopulation ? population.reference(at) : null;
    flow(OUT, outLog, at, x, ref);
    flow(IN, inLog, at, x, ref);
    for (int i = 0; i < index.length; i++) {
      out[index[i]] =
          transaction[i] && scored == null
              ? 0
              : value(i, outLog, inLog, at, x, ref, expectedMonthlyCents, scored);
    }
    previous[from] = x.previous[OUT];
    previous[from + 1] = x.previous[IN];
    return x.previous[OUT] != Long.MIN_VALUE || x.previous[IN] != Long.MIN_VALUE;
  }

  /** Everything the features read of one flow: its slots' totals, new parties, previous event. */
  private void flow(int f, EventLog log, long at, Scratch x, PopulationStats.Reference ref) {
    int[] mine = flowSlots[f];
    int[] parties = x.newParties[f];
    Arrays.fill(parties, 0);
    if (log == null) {
      x.hi[f] = 0;
      x.previous[f] = Long.MIN_VALUE;
      for (int s : mine) {
        x.totals[s].clear();
      }
      return;
    }
    int hi = log.lowerBound(at);
    x.hi[f] = hi;
    x.previous[f] = log.previousTimestamp(at, hi);
    x.scan.fill(log, at, hi, slots, mine, x.totals, ref);
    if (parties.length > 0 && log.remembersParties()) {
      PartyMemory.startedIn(log, at, partyWindows[f], parties);
    }
  }

  private double value(
      int i,
      EventLog outLog,
      EventLog inLog,
      long at,
      Scratch x,
      PopulationStats.Reference ref,
      long expectedMonthlyCents,
      Scored scored) {
    Aggregation a = aggregation[i];
    int w = slot[i];
    WindowTotals t = w < 0 ? null : x.totals[w];
    switch (a) {
      case COUNT:
        return t.count;
      case SUM:
        return t.sumCents / 100.0;
      case MEAN:
        return t.count == 0 ? 0 : t.sumCents / 100.0 / t.count;
      case MAX:
        return t.maxCents / 100.0;
      case DISTINCT_IPS:
        return maintained[i] >= 0 ? maintainedDistinct(inLog, i, at, x) : t.distinctIps;
      case DISTINCT_PARTIES:
        return maintained[i] >= 0 ? maintainedDistinct(inLog, i, at, x) : t.distinctParties;
      case DISTINCT_MERCHANTS:
        return t.distinctMerchants;
      case NEW_PARTIES:
        return x.newParties[direction[i].log()][partyWindow[i]];
      case RATE_PER_MINUTE:
        return t.count == 0 ? 0 : t.count / Math.max(1.0, (at - t.firstTs) / MILLIS_PER_MINUTE);
      case BURST_RATIO:
        {
          if (t.count == 0) {
            return 0;
          }
          int f = slots[w].direction.log();
          EventLog log = f == OUT ? outLog : inLog;
          int recent = x.hi[f] - log.lowerBound(at - windowMillis[i] / 24);
          return recent * 24.0 / t.count;
        }
      case COEFFICIENT_OF_VARIATION:
        return t.cv;
      case NIGHT_COUNT:
      case WEEKEND_COUNT:
      case NEAR_THRESHOLD_COUNT:
      case OVER_THRESHOLD_COUNT:
      case HIGH_RISK_COUNTRY_COUNT:
      case CROSS_BORDER_COUNT:
      case ACCOUNT_TRANSFER_COUNT:
        return t.flags[a.flag()];
      case ROUND_AMOUNT_RATIO:
        return t.count == 0 ? 0 : t.flags[EventFlags.ROUND_AMOUNT] / (double) t.count;
      case NEAR_THRESHOLD_SUM:
        return t.nearSumCents / 100.0;
      case HOUR_ENTROPY:
        return t.hourEntropy;
      case AMOUNT_TREND:
        return t.trend;
      case GAP_REGULARITY:
        return t.regularity;
      case MERCHANT_DIVERSITY:
        {
          int payments = t.merchantPayments();
          return payments == 0 ? 0 : t.distinctMerchants / (double) payments;
        }
      case POPULATION_ZSCORE:
        return t.count == 0 ? 0 : ref.zscore(t.scaledLogSum / (double) t.count);
      case POPULATION_OUTLIER_RATIO:
        return t.count == 0 || !ref.usable() ? 0 : t.outliers / (double) t.count;
      case DAYS_SINCE_PREVIOUS:
        {
          long previous = x.previous[direction[i].log()];
          return previous == Long.MIN_VALUE ? 0 : (at - previous) / MILLIS_PER_DAY;
        }
      case DAYS_DORMANT:
        return daysDormant(outLog, inLog, at, windowMillis[i], t, x.totals[secondSlot[i]]);
      case ACCOUNT_AGE_DAYS:
        {
          long first = Long.MAX_VALUE;
          if (outLog != null) {
            first = Math.min(first, outLog.firstTimestamp());
          }
          if (inLog != null) {
            first = Math.min(first, inLog.firstTimestamp());
          }
          return first >= at ? 0 : (at - first) / MILLIS_PER_DAY;
        }
      case PASS_THROUGH_RATIO:
        {
          long sent = t.sumCents;
          long received = x.totals[secondSlot[i]].sumCents;
          long larger = Math.max(sent, received);
          return larger <= 0 ? 0 : Math.max(0, Math.min(sent, received)) / (double) larger;
        }
      case NET_FLOW:
        return (x.totals[secondSlot[i]].sumCents - t.sumCents) / 100.0;
      case EXPECTED_VOLUME_PACE:
        {
          if (expectedMonthlyCents <= 0) {
            return 0;
          }
          double days = windowMillis[i] / MILLIS_PER_DAY;
          return t.sumCents * (DAYS_PER_MONTH / days) / expectedMonthlyCents;
        }
      case TXN_AMOUNT_TO_MEAN:
        return t.count == 0 || t.sumCents <= 0
            ? 0
            : scored.amountCents() * (double) t.count / t.sumCents;
      case TXN_AMOUNT_TO_EXPECTED_MONTHLY:
        return expectedMonthlyCents <= 0 ? 0 : scored.amountCents() / (double) expectedMonthlyCents;
      case TXN_AMOUNT_ZSCORE:
        return ref.zscore(PopulationStats.scaledLog(scored.amountCents()));
      case TXN_NEW_COUNTERPARTY:
        return outLog == null
                || !outLog.remembersParties()
                || PartyMemory.isNew(outLog, scored.receiverHash(), at)
            ? 1
            : 0;
      case TXN_ROUND_AMOUNT:
        return scored.amountCents() > 0 && scored.amountCents() % roundUnitCents == 0 ? 1 : 0;
      default:
        throw new IllegalStateException("unhandled aggregation " + a);
    }
  }

  private int maintainedDistinct(EventLog log, int i, long at, Scratch x) {
    return log == null ? 0 : log.maintainedDistinct(maintained[i], at, x.seen);
  }

  /**
   * Days from the newest event before the window to the first in it (or {@code at}), over both
   * flows, given both flows' totals of the window.
   */
  private static double daysDormant(
      EventLog outLog, EventLog inLog, long at, long window, WindowTotals out, WindowTotals in) {
    long from = at - window;
    long before = Math.max(previousBefore(outLog, from, out), previousBefore(inLog, from, in));
    if (before == Long.MIN_VALUE) {
      return 0;
    }
    long firstIn = Math.min(firstIn(out, at), firstIn(in, at));
    return (firstIn - before) / MILLIS_PER_DAY;
  }

  private static long previousBefore(EventLog log, long from, WindowTotals w) {
    return log == null ? Long.MIN_VALUE : log.previousTimestamp(from, w.lo);
  }

  /** Time of the window's first event, or {@code at} when it has none. */
  private static long firstIn(WindowTotals w, long at) {
    return w.count > 0 ? w.firstTs : at;
  }
}

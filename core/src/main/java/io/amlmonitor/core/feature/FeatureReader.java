package io.amlmonitor.core.feature;

import io.amlmonitor.core.feature.Aggregation.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the features of one entity type (and, for customers, those of the scored transaction)
 * from an {@link EntityState} at a read time, writing each value and its age into its slot.
 *
 * <p>Implementation note: features are compiled once into window slots (flow, window), so a read
 * does the binary searches, the pass over events and the tile sums of each slot once, whatever the
 * number of features sharing it; scratch space is per thread, so a read allocates nothing.
 */
final class FeatureReader {
  private static final double MILLIS_PER_MINUTE = 60_000.0;
  private static final double MILLIS_PER_DAY = WindowKind.DAY;
  private static final double DAYS_PER_MONTH = 30.0;

  private final EntityType entity;
  private final PopulationStats population;
  private final long roundUnitCents;
  private final int[] slots;
  private final FeatureDefinition[] definitions;
  private final int[] windowSlot;

  /** The incoming slot of cross-flow features, or -1. */
  private final int[] secondSlot;

  /** Maintained distinct index for merchant distinct features, or -1. */
  private final int[] maintained;

  private final List<WindowSlot> windowSlots = new ArrayList<>();
  private final boolean needsPopulation;
  private final ThreadLocal<Scratch> scratch;

  /** Per-thread working space of a read. */
  private static final class Scratch {
    final int[] lo;
    final int[] hi = new int[2];
    final long[] previous = new long[2];
    final ScanStats[] stats;
    final TileTotals[] tiles;

    Scratch(int slots) {
      lo = new int[slots];
      stats = new ScanStats[slots];
      tiles = new TileTotals[slots];
      for (int i = 0; i < slots; i++) {
        stats[i] = new ScanStats();
        tiles[i] = new TileTotals();
      }
    }
  }

  FeatureReader(
      FeatureRegistry registry,
      EntityType entity,
      FeatureSettings settings,
      PopulationStats population,
      LogSpec outgoing,
      LogSpec incoming) {
    this.entity = entity;
    this.population = population;
    this.roundUnitCents = settings.roundUnit().cents();
    List<Integer> slotList = new ArrayList<>();
    List<FeatureDefinition> defs = new ArrayList<>();
    List<Integer> windowList = new ArrayList<>();
    List<Integer> secondList = new ArrayList<>();
    List<Integer> maintainedList = new ArrayList<>();
    boolean pop = false;
    for (int i = 0; i < registry.size(); i++) {
      FeatureDefinition d = registry.get(i);
      boolean mine =
          d.entity() == entity
              || (entity == EntityType.CUSTOMER && d.entity() == EntityType.TRANSACTION);
      if (!mine) {
        continue;
      }
      slotList.add(i);
      defs.add(d);
      Aggregation a = d.aggregation();
      int first = -1;
      int second = -1;
      int kept = -1;
      if (a == Aggregation.PASS_THROUGH_RATIO || a == Aggregation.NET_FLOW) {
        first = slot(Direction.OUTGOING, d);
        second = slot(Direction.INCOMING, d);
      } else if (a == Aggregation.DAYS_DORMANT || d.window().isZero()) {
        first = -1;
      } else {
        Direction dir = d.entity() == EntityType.TRANSACTION ? Direction.OUTGOING : d.direction();
        first = slot(dir, d);
        WindowSlot ws = windowSlots.get(first);
        boolean distinctKind =
            a.kind() == Kind.DISTINCT
                || a == Aggregation.DISTINCT_MERCHANTS
                || a == Aggregation.MERCHANT_DIVERSITY;
        if (entity == EntityType.MERCHANT && a.kind() == Kind.DISTINCT) {
          kept = incoming.distinctIndex(d.windowMillis(), a == Aggregation.DISTINCT_IPS);
        } else if (ws.kind == WindowKind.EXACT) {
          int mask = 0;
          boolean scan = a.kind() == Kind.SCAN || a.kind() == Kind.FLAG || distinctKind;
          if (distinctKind) {
            mask |= ScanStats.DISTINCT;
          }
          if (a == Aggregation.POPULATION_ZSCORE || a == Aggregation.POPULATION_OUTLIER_RATIO) {
            mask |= ScanStats.POPULATION;
          }
          if (a == Aggregation.AMOUNT_TREND) {
            mask |= ScanStats.TREND;
          }
          if (a == Aggregation.GAP_REGULARITY) {
            mask |= ScanStats.GAPS;
          }
          if (a == Aggregation.HOUR_ENTROPY) {
            mask |= ScanStats.HOURS;
          }
          ws.scan |= scan;
          ws.scanMask |= mask;
        }
      }
      pop |=
          a == Aggregation.POPULATION_ZSCORE
              || a == Aggregation.POPULATION_OUTLIER_RATIO
              || a == Aggregation.TXN_AMOUNT_ZSCORE;
      windowList.add(first);
      secondList.add(second);
      maintainedList.add(kept);
    }
    this.slots = slotList.stream().mapToInt(Integer::intValue).toArray();
    this.definitions = defs.toArray(new FeatureDefinition[0]);
    this.windowSlot = windowList.stream().mapToInt(Integer::intValue).toArray();
    this.secondSlot = secondList.stream().mapToInt(Integer::intValue).toArray();
    this.maintained = maintainedList.stream().mapToInt(Integer::intValue).toArray();
    this.needsPopulation = pop;
    int slotCount = windowSlots.size();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(slotCount));
  }

  private int slot(Direction direction, FeatureDefinition d) {
    long w = d.windowMillis();
    for (int i = 0; i < windowSlots.size(); i++) {
      if (windowSlots.get(i).matches(direction, w)) {
        return i;
      }
    }
    EntityType logOwner = entity;
    windowSlots.add(
        new WindowSlot(direction, w, WindowKind.of(logOwner, d.window(), d.aggregation())));
    return windowSlots.size() - 1;
  }

  /** The (flow, window) pairs this reader reads, for deriving what logs keep. */
  List<WindowSlot> windowSlots() {
    return windowSlots;
  }

  /**
   * The scored transaction, for transaction features.
   *
   * @param receiverHash hash of who receives the money
   */
  record Scored(long amountCents, long receiverHash) {}

  /**
   * Writes this entity's features as of {@code at} (exclusive) into {@code out}, and into {@code
   * ages} the milliseconds since the newest event each reads (-1 when none).
   *
   * @param s the entity's state, null when unknown (everything reads 0)
   * @param expectedMonthlyCents the customer's declared monthly volume, 0 when none
   * @param scored the scored transaction, or null for an entity lookup (transaction features are
   *     then left 0)
   */
  void read(
      EntityState s, long at, double[] out, long[] ages, long expectedMonthlyCents, Scored scored) {
    Scratch x = scratch.get();
    EventLog outLog = s == null ? null : s.log(Direction.OUTGOING);
    EventLog inLog = s == null ? null : s.log(Direction.INCOMING);
    x.hi[0] = outLog == null ? 0 : outLog.lowerBound(at);
    x.hi[1] = inLog == null ? 0 : inLog.lowerBound(at);
    x.previous[0] = outLog == null ? Long.MIN_VALUE : outLog.previousTimestamp(at);
    x.previous[1] = inLog == null ? Long.MIN_VALUE : inLog.previousTimestamp(at);
    PopulationStats.Reference ref = needsPopulation ? population.reference(at) : null;
    for (int w = 0; w < windowSlots.size(); w++) {
      WindowSlot ws = windowSlots.get(w);
      EventLog log = ws.direction == Direction.OUTGOING ? outLog : inLog;
      int li = ws.direction.log();
      if (log == null) {
        x.lo[w] = 0;
        x.stats[w].compute(null, 0, 0, 0, ref, at);
        x.tiles[w].clear();
        continue;
      }
      if (ws.kind == WindowKind.EXACT) {
        x.lo[w] = log.lowerBound(at - ws.window);
        if (ws.scan) {
          x.stats[w].compute(log, x.lo[w], x.hi[li], ws.scanMask, ref, at);
        }
      } else {
        x.tiles[w].compute(log, ws.kind, ws.tiles, at);
      }
    }
    for (int i = 0; i < slots.length; i++) {
      FeatureDefinition d = definitions[i];
      boolean transaction = d.entity() == EntityType.TRANSACTION;
      if (transaction && scored == null) {
        out[slots[i]] = 0;
        ages[slots[i]] = -1;
        continue;
      }
      out[slots[i]] = value(i, d, s, outLog, inLog, at, x, ref, expectedMonthlyCents, scored);
      ages[slots[i]] = transaction ? -1 : age(d, at, x);
    }
  }

  private static long age(FeatureDefinition d, long at, Scratch x) {
    long previous =
        switch (d.direction()) {
          case OUTGOING -> x.previous[0];
          case INCOMING -> x.previous[1];
          case BOTH -> Math.max(x.previous[0], x.previous[1]);
        };
    return previous == Long.MIN_VALUE ? -1 : at - previous;
  }

  private int count(int w, Scratch x) {
    WindowSlot ws = windowSlots.get(w);
    if (ws.kind == WindowKind.EXACT) {
      return Math.max(0, x.hi[ws.direction.log()] - x.lo[w]);
    }
    return x.tiles[w].count;
  }

  private long sumCents(int w, Scratch x, EventLog log) {
    WindowSlot ws = windowSlots.get(w);
    if (log == null) {
      return 0;
    }
    if (ws.kind == WindowKind.EXACT) {
      return log.sumCents(x.lo[w], x.hi[ws.direction.log()]);
    }
    return x.tiles[w].sumCents;
  }

  private int flagCount(int w, Scratch x, int flag) {
    return windowSlots.get(w).kind == WindowKind.EXACT
        ? x.stats[w].flags[flag]
        : x.tiles[w].flags[flag];
  }

  private double value(
      int i,
      FeatureDefinition d,
      EntityState s,
      EventLog outLog,
      EventLog inLog,
      long at,
      Scratch x,
      PopulationStats.Reference ref,
      long expectedMonthlyCents,
      Scored scored) {
    Aggregation a = d.aggregation();
    int w = windowSlot[i];
    EventLog log =
        w < 0 ? null : windowSlots.get(w).direction == Direction.OUTGOING ? outLog : inLog;
    switch (a) {
      case COUNT:
        return count(w, x);
      case SUM:
        return sumCents(w, x, log) / 100.0;
      case MEAN:
        {
          int n = count(w, x);
          return n == 0 ? 0 : sumCents(w, x, log) / 100.0 / n;
        }
      case MAX:
        return x.stats[w].maxCents / 100.0;
      case DISTINCT_IPS:
        return maintained[i] >= 0 ? maintainedDistinct(log, i, at) : x.stats[w].distinctIps;
      case DISTINCT_PARTIES:
        return maintained[i] >= 0 ? maintainedDistinct(log, i, at) : x.stats[w].distinctParties;
      case DISTINCT_MERCHANTS:
        return x.stats[w].distinctMerchants;
      case NEW_PARTIES:
        return log == null || !log.remembersParties()
            ? 0
            : PartyMemory.startedIn(log, at - d.windowMillis(), at);
      case RATE_PER_MINUTE:
        {
          int n = count(w, x);
          if (n == 0) {
            return 0;
          }
          return n / Math.max(1.0, (at - log.ts(x.lo[w])) / MILLIS_PER_MINUTE);
        }
      case BURST_RATIO:
        {
          int n = count(w, x);
          if (n == 0) {
            return 0;
          }
          int recent =
              x.hi[windowSlots.get(w).direction.log()] - log.lowerBound(at - d.windowMillis() / 24);
          return recent * 24.0 / n;
        }
      case COEFFICIENT_OF_VARIATION:
        return x.stats[w].cv;
      case NIGHT_COUNT:
      case WEEKEND_COUNT:
      case NEAR_THRESHOLD_COUNT:
      case OVER_THRESHOLD_COUNT:
      case HIGH_RISK_COUNTRY_COUNT:
      case CROSS_BORDER_COUNT:
      case ACCOUNT_TRANSFER_COUNT:
        return flagCount(w, x, a.flag());
      case ROUND_AMOUNT_RATIO:
        {
          int n = count(w, x);
          return n == 0 ? 0 : flagCount(w, x, EventFlags.ROUND_AMOUNT) / (double) n;
        }
      case NEAR_THRESHOLD_SUM:
        return x.stats[w].nearSumCents / 100.0;
      case HOUR_ENTROPY:
        return x.stats[w].hourEntropy;
      case AMOUNT_TREND:
        return x.stats[w].trend;
      case GAP_REGULARITY:
        return x.stats[w].regularity;
      case MERCHANT_DIVERSITY:
        {
          ScanStats st = x.stats[w];
          return st.merchantPayments == 0 ? 0 : st.distinctMerchants / (double) st.merchantPayments;
        }
      case POPULATION_ZSCORE:
        {
          ScanStats st = x.stats[w];
          return st.count == 0 ? 0 : ref.zscore(st.scaledLogSum / (double) st.count);
        }
      case POPULATION_OUTLIER_RATIO:
        {
          ScanStats st = x.stats[w];
          return st.count == 0 || !ref.usable() ? 0 : st.outliers / (double) st.count;
        }
      case DAYS_SINCE_PREVIOUS:
        {
          long previous = x.previous[d.direction().log()];
          return previous == Long.MIN_VALUE ? 0 : (at - previous) / MILLIS_PER_DAY;
        }
      case DAYS_DORMANT:
        return daysDormant(outLog, inLog, at, d.windowMillis());
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
          long sent = sumCents(w, x, outLog);
          long received = sumCents(secondSlot[i], x, inLog);
          long larger = Math.max(sent, received);
          return larger <= 0 ? 0 : Math.max(0, Math.min(sent, received)) / (double) larger;
        }
      case NET_FLOW:
        return (sumCents(secondSlot[i], x, inLog) - sumCents(w, x, outLog)) / 100.0;
      case EXPECTED_VOLUME_PACE:
        {
          if (expectedMonthlyCents <= 0) {
            return 0;
          }
          double days = d.windowMillis() / MILLIS_PER_DAY;
          return sumCents(w, x, log) * (DAYS_PER_MONTH / days) / expectedMonthlyCents;
        }
      case TXN_AMOUNT_TO_MEAN:
        {
          int n = count(w, x);
          long sum = sumCents(w, x, log);
          return n == 0 || sum <= 0 ? 0 : scored.amountCents() * (double) n / sum;
        }
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

  private int maintainedDistinct(EventLog log, int i, long at) {
    return log == null ? 0 : log.maintainedDistinct(maintained[i], at);
  }

  private static double daysDormant(EventLog outLog, EventLog inLog, long at, long window) {
    long from = at - window;
    long before = Math.max(previousBefore(outLog, from), previousBefore(inLog, from));
    if (before == Long.MIN_VALUE) {
      return 0;
    }
    long firstIn = Math.min(firstIn(outLog, from, at), firstIn(inLog, from, at));
    return (firstIn - before) / MILLIS_PER_DAY;
  }

  private static long previousBefore(EventLog log, long t) {
    return log == null ? Long.MIN_VALUE : log.previousTimestamp(t);
  }

  /** Time of the first event in {@code [from, at)}, or {@code at} when there is none. */
  private static long firstIn(EventLog log, long from, long at) {
    if (log == null) {
      return at;
    }
    int i = log.lowerBound(from);
    return i < log.end() && log.ts(i) < at ? log.ts(i) : at;
  }
}

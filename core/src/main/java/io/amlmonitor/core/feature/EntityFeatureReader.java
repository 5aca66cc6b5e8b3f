package io.amlmonitor.core.feature;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the features of one entity type over a {@link WindowState} at a read time, writing each
 * value into its slot of a vector.
 *
 * <p>Implementation note: the definitions are grouped by window once, at construction. A read does
 * two binary searches per window; counts, sums and flag counts come from prefix sums. Maximum,
 * distinct counts and dispersion need one pass over the window's events, shared by every feature of
 * that window.
 */
final class EntityFeatureReader {
  private static final double MILLIS_PER_MINUTE = 60_000.0;
  private static final double MILLIS_PER_DAY = 86_400_000.0;

  private final Aggregation[] aggregations;
  private final int[] slots;
  private final int[] windowOf;
  private final long[] windows;
  private final boolean[] windowNeedsScan;

  EntityFeatureReader(FeatureRegistry registry, EntityType entity) {
    List<Aggregation> aggs = new ArrayList<>();
    List<Integer> slotList = new ArrayList<>();
    List<Integer> windowIndex = new ArrayList<>();
    List<Long> windowList = new ArrayList<>();
    List<Boolean> scan = new ArrayList<>();
    for (int i = 0; i < registry.size(); i++) {
      FeatureDefinition d = registry.get(i);
      if (d.entity() != entity) {
        continue;
      }
      aggs.add(d.aggregation());
      slotList.add(i);
      long w = d.windowMillis();
      int wi = windowList.indexOf(w);
      if (wi < 0) {
        windowList.add(w);
        scan.add(false);
        wi = windowList.size() - 1;
      }
      if (d.aggregation().needsScan()) {
        scan.set(wi, true);
      }
      windowIndex.add(wi);
    }
    this.aggregations = aggs.toArray(new Aggregation[0]);
    this.slots = slotList.stream().mapToInt(Integer::intValue).toArray();
    this.windowOf = windowIndex.stream().mapToInt(Integer::intValue).toArray();
    this.windows = windowList.stream().mapToLong(Long::longValue).toArray();
    this.windowNeedsScan = new boolean[scan.size()];
    for (int i = 0; i < scan.size(); i++) {
      windowNeedsScan[i] = scan.get(i);
    }
  }

  /** Writes this entity's features as of {@code at} (exclusive) into {@code out}; all 0 if null. */
  void read(WindowState s, long at, double[] out) {
    if (s == null) {
      for (int slot : slots) {
        out[slot] = 0;
      }
      return;
    }
    int hi = s.lowerBound(at);
    int[] lo = new int[windows.length];
    ScanStats[] stats = new ScanStats[windows.length];
    for (int w = 0; w < windows.length; w++) {
      lo[w] = windows[w] == 0 ? hi : s.lowerBound(at - windows[w]);
      if (windowNeedsScan[w]) {
        stats[w] = ScanStats.of(s, lo[w], hi);
      }
    }
    for (int i = 0; i < aggregations.length; i++) {
      int w = windowOf[i];
      out[slots[i]] = value(aggregations[i], s, lo[w], hi, at, stats[w]);
    }
  }

  private static double value(
      Aggregation aggregation, WindowState s, int lo, int hi, long at, ScanStats stats) {
    int count = hi - lo;
    switch (aggregation) {
      case COUNT:
        return count;
      case SUM:
        return s.sumCents(lo, hi) / 100.0;
      case MEAN:
        return count == 0 ? 0 : s.sumCents(lo, hi) / 100.0 / count;
      case MAX:
        return stats.maxCents / 100.0;
      case DISTINCT_IPS:
        return stats.distinctIps;
      case DISTINCT_PARTIES:
        return stats.distinctParties;
      case RATE_PER_MINUTE:
        if (count == 0) {
          return 0;
        }
        return count / Math.max(1.0, (at - s.ts[lo]) / MILLIS_PER_MINUTE);
      case COEFFICIENT_OF_VARIATION:
        return stats.coefficientOfVariation;
      case NIGHT_COUNT:
        return s.flagCount(WindowState.FLAG_NIGHT, lo, hi);
      case WEEKEND_COUNT:
        return s.flagCount(WindowState.FLAG_WEEKEND, lo, hi);
      case NEAR_THRESHOLD_COUNT:
        return s.flagCount(WindowState.FLAG_NEAR_THRESHOLD, lo, hi);
      case DAYS_SINCE_PREVIOUS:
        long previous = s.previousTimestamp(at);
        return previous == Long.MIN_VALUE ? 0 : (at - previous) / MILLIS_PER_DAY;
      default:
        throw new IllegalStateException("unhandled aggregation " + aggregation);
    }
  }

  /** What one pass over a window's events yields. */
  private static final class ScanStats {
    long maxCents;
    int distinctIps;
    int distinctParties;
    double coefficientOfVariation;

    static ScanStats of(WindowState s, int lo, int hi) {
      ScanStats stats = new ScanStats();
      int n = hi - lo;
      if (n == 0) {
        return stats;
      }
      double mean = s.sumCents(lo, hi) / (double) n;
      double squares = 0;
      long max = 0;
      for (int i = lo; i < hi; i++) {
        long a = s.amount[i];
        if (a > max) {
          max = a;
        }
        double d = a - mean;
        squares += d * d;
      }
      stats.maxCents = max;
      stats.coefficientOfVariation = n < 2 || mean == 0 ? 0 : Math.sqrt(squares / n) / mean;
      stats.distinctIps = DistinctCount.of(s.ip, lo, hi);
      stats.distinctParties = DistinctCount.of(s.party, lo, hi);
      return stats;
    }
  }
}

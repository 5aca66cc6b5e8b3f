package io.amlmonitor.core.feature;

import java.util.Arrays;

/**
 * What one pass over an exact window's events yields. Reused between reads (one per window slot in
 * a thread's scratch), so a read allocates nothing.
 *
 * <p>Sums of squares are taken around the window's newest amount, which keeps them exact for
 * integer cents and free of cancellation when amounts are all alike. Trend and gap regularity make
 * a second pass around their means, for the same reason.
 */
final class ScanStats {
  static final int DISTINCT = 1;
  static final int POPULATION = 1 << 1;
  static final int TREND = 1 << 2;
  static final int GAPS = 1 << 3;
  static final int HOURS = 1 << 4;

  private static final double LOG2 = StrictMath.log(2);

  int count;
  long maxCents;
  double cv;
  int distinctIps;
  int distinctParties;
  int distinctMerchants;
  int merchantPayments;
  final int[] flags = new int[EventFlags.COUNT];
  long nearSumCents;
  final int[] hours = new int[24];
  double hourEntropy;
  long scaledLogSum;
  int outliers;
  double trend;
  double regularity;

  private final DistinctSet ips = new DistinctSet();
  private final DistinctSet partySet = new DistinctSet();
  private final DistinctSet merchants = new DistinctSet();

  void compute(
      EventLog log, int lo, int hi, int mask, PopulationStats.Reference population, long at) {
    count = hi - lo;
    maxCents = 0;
    cv = 0;
    distinctIps = 0;
    distinctParties = 0;
    distinctMerchants = 0;
    merchantPayments = 0;
    Arrays.fill(flags, 0);
    nearSumCents = 0;
    scaledLogSum = 0;
    outliers = 0;
    trend = 0;
    regularity = 0;
    hourEntropy = 0;
    if (count == 0) {
      return;
    }
    boolean distinct = (mask & DISTINCT) != 0;
    boolean pop = (mask & POPULATION) != 0;
    boolean hoursWanted = (mask & HOURS) != 0;
    if (distinct) {
      ips.reset(count);
      partySet.reset(count);
      merchants.reset(count);
    }
    if (hoursWanted) {
      Arrays.fill(hours, 0);
    }
    long pivot = log.amount(hi - 1);
    double shifted = 0;
    double shiftedSquares = 0;
    double outlierLow = 0;
    double outlierHigh = 0;
    boolean popUsable = pop && population.usable();
    if (popUsable) {
      outlierLow = (population.mean() - 3 * population.std()) * PopulationStats.SCALE;
      outlierHigh = (population.mean() + 3 * population.std()) * PopulationStats.SCALE;
    }
    for (int i = lo; i < hi; i++) {
      long a = log.amount(i);
      short attrs = log.attrs(i);
      if (a > maxCents) {
        maxCents = a;
      }
      double d = a - pivot;
      shifted += d;
      shiftedSquares += d * d;
      int bits = attrs & 0xff;
      while (bits != 0) {
        int f = Integer.numberOfTrailingZeros(bits);
        flags[f]++;
        bits &= bits - 1;
      }
      if (EventFlags.has(attrs, EventFlags.NEAR_THRESHOLD)) {
        nearSumCents += a;
      }
      boolean toMerchant = !EventFlags.has(attrs, EventFlags.TO_ACCOUNT);
      if (toMerchant) {
        merchantPayments++;
      }
      if (distinct) {
        ips.add(log.ip(i));
        partySet.add(log.party(i));
        if (toMerchant) {
          merchants.add(log.party(i));
        }
      }
      if (hoursWanted) {
        hours[EventFlags.hour(attrs)]++;
      }
      if (pop) {
        long v = log.scaledLog(i);
        scaledLogSum += v;
        if (popUsable && (v < outlierLow || v > outlierHigh)) {
          outliers++;
        }
      }
    }
    double mean = log.sumCents(lo, hi) / (double) count;
    if (count >= 2 && mean != 0) {
      double variance = (shiftedSquares - shifted * shifted / count) / count;
      cv = Math.sqrt(Math.max(0, variance)) / mean;
    }
    if (distinct) {
      distinctIps = ips.size();
      distinctParties = partySet.size();
      distinctMerchants = merchants.size();
    }
    if (hoursWanted) {
      hourEntropy = entropy(hours, count);
    }
    if ((mask & TREND) != 0) {
      trend = trend(log, lo, hi, at);
    }
    if ((mask & GAPS) != 0) {
      regularity = regularity(log, lo, hi);
    }
  }

  /** {@code c · log2(c)} for small counts, so entropy takes no logarithm per hour. */
  private static final double[] C_LOG2_C = new double[1024];

  static {
    for (int c = 1; c < C_LOG2_C.length; c++) {
      C_LOG2_C[c] = c * (StrictMath.log(c) / LOG2);
    }
  }

  private static double cLog2c(int c) {
    return c < C_LOG2_C.length ? C_LOG2_C[c] : c * (StrictMath.log(c) / LOG2);
  }

  /** Shannon entropy in bits: {@code log2(n) - Σ c·log2(c) / n} over the non-empty buckets. */
  static double entropy(int[] histogram, int total) {
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (int c : histogram) {
      sum += cLog2c(c);
    }
    double h = (cLog2c(total) - sum) / total;
    return h <= 0 ? 0 : h; // one bucket: exactly 0, never -0.0 or rounding below
  }

  /** Least-squares slope of amount (currency) per hour, over the mean amount. */
  static double trend(EventLog log, int lo, int hi, long at) {
    int n = hi - lo;
    if (n < 3) {
      return 0;
    }
    double sx = 0;
    double sy = 0;
    for (int i = lo; i < hi; i++) {
      sx += (log.ts(i) - at) / (double) WindowKind.HOUR;
      sy += log.amount(i) / 100.0;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = lo; i < hi; i++) {
      double dx = (log.ts(i) - at) / (double) WindowKind.HOUR - mx;
      sxx += dx * dx;
      sxy += dx * (log.amount(i) / 100.0 - my);
    }
    if (sxx == 0 || my == 0) {
      return 0;
    }
    return sxy / sxx / my;
  }

  /** 1 / (1 + coefficient of variation of the gaps between consecutive events). */
  static double regularity(EventLog log, int lo, int hi) {
    int gaps = hi - lo - 1;
    if (gaps < 2) {
      return 0;
    }
    double total = log.ts(hi - 1) - log.ts(lo);
    if (total == 0) {
      return 0;
    }
    double mean = total / gaps;
    double squares = 0;
    for (int i = lo + 1; i < hi; i++) {
      double d = (log.ts(i) - log.ts(i - 1)) - mean;
      squares += d * d;
    }
    return 1 / (1 + Math.sqrt(squares / gaps) / mean);
  }

  /** A reusable set of non-zero hashes: a short array while small, a probing table when larger. */
  static final class DistinctSet {
    private long[] table = new long[16];
    private int size;
    private int mask;
    private boolean hashed;

    void reset(int expected) {
      if (hashed || size > 0) {
        Arrays.fill(table, 0, hashed ? mask + 1 : size, 0);
      }
      size = 0;
      hashed = expected > 8;
      if (hashed) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        if (capacity > table.length) {
          table = new long[capacity];
        }
        mask = capacity - 1;
      }
    }

    void add(long v) {
      if (v == 0) {
        return;
      }
      if (!hashed) {
        for (int i = 0; i < size; i++) {
          if (table[i] == v) {
            return;
          }
        }
        table[size++] = v;
        return;
      }
      int slot = (int) (v ^ (v >>> 32)) & mask;
      while (true) {
        long held = table[slot];
        if (held == 0) {
          table[slot] = v;
          size++;
          return;
        }
        if (held == v) {
          return;
        }
        slot = (slot + 1) & mask;
      }
    }

    int size() {
      return size;
    }
  }
}

package io.amlmonitor.core.feature;

import java.util.Arrays;

/**
 * Fills the {@link WindowTotals} of every window a reader needs on one flow, at one read time, with
 * one backward pass over the flow's raw events.
 *
 * <p>Implementation note: every window ends at the read time, so the windows' raw ranges {@code
 * [lo, hi)} are nested: a pass from the newest event backwards reaches each window's first row in
 * turn (shortest window first) and takes that window's totals there, which is why everything
 * gathered must combine by adding (counts, sums, flag counts, maxima, distinct sets, the hour
 * histogram). The raw rows a customer's deferred tiles have not folded yet form one more such range
 * when the local day only moves forward with time. Dispersion, trend and gap regularity combine
 * too, as sums of squares and products taken around the newest event before the read (its amount
 * and time): exact integers for cents and milliseconds within a day, so they do not cancel when
 * amounts or gaps are all alike. Per-thread, reused.
 */
final class FlowScan {
  /** Maximum, flag counts, near-threshold sum and dispersion of amounts. */
  static final int SCAN = 1;

  static final int DISTINCT = 1 << 1;
  static final int POPULATION = 1 << 2;
  static final int TREND = 1 << 3;
  static final int GAPS = 1 << 4;
  static final int HOURS = 1 << 5;

  /** Flag counts of a tile correction: counts and sums come with any pass. */
  private static final int TILE_RANGE = 1 << 6;

  /**
   * Byte {@code f} of {@code SPREAD[b]} is bit {@code f} of {@code b}: eight counters in a long.
   */
  private static final long[] SPREAD = new long[256];

  /** Events a byte lane takes before its counts are moved out. */
  private static final int LANE_LIMIT = 255;

  private static final double LOG2 = StrictMath.log(2);

  /** {@code c · log2(c)} for small counts, so entropy takes no logarithm per hour. */
  private static final double[] C_LOG2_C = new double[1024];

  static {
    for (int b = 0; b < 256; b++) {
      for (int f = 0; f < 8; f++) {
        SPREAD[b] |= (long) ((b >>> f) & 1) << (8 * f);
      }
    }
    for (int c = 1; c < C_LOG2_C.length; c++) {
      C_LOG2_C[c] = c * (StrictMath.log(c) / LOG2);
    }
  }

  private final DistinctSet ips = new DistinctSet();
  private final DistinctSet parties = new DistinctSet();
  private final int[] hours = new int[24];
  private final int[] flagCounts = new int[EventFlags.COUNT];

  /** The ranges of one pass, by first row descending: row, slot, what it wants. */
  private final int[] rangeLo;

  private final int[] rangeSlot;
  private final int[] rangeMask;
  private int ranges;

  FlowScan(int slots) {
    rangeLo = new int[slots];
    rangeSlot = new int[slots];
    rangeMask = new int[slots];
  }

  /**
   * Fills {@code totals[s]} for each slot {@code s} of {@code mine} (all of one flow) over {@code
   * log} as of {@code at}, where {@code hi} is {@code log.lowerBound(at)}.
   */
  void fill(
      EventLog log,
      long at,
      int hi,
      WindowSlot[] slots,
      int[] mine,
      WindowTotals[] totals,
      PopulationStats.Reference population) {
    ranges = 0;
    for (int s : mine) {
      WindowSlot ws = slots[s];
      WindowTotals w = totals[s];
      w.clear();
      if (ws.kind == WindowKind.EXACT) {
        int lo = log.lowerBound(at - ws.window);
        w.lo = lo;
        w.count = Math.max(0, hi - lo);
        if (w.count > 0) {
          w.sumCents = log.sumCents(lo, hi);
          w.firstTs = log.ts(lo);
        }
        if (ws.scanMask != 0 && w.count > 0) {
          addRange(lo, s, ws.scanMask);
        }
      } else {
        TileTotals.addTiles(log, ws.kind, ws.tiles, at, w);
        if (!log.spec().deferredTiles()) {
          TileTotals.subtractFrom(log, ws.kind, hi, at, w);
        } else if (log.spec().calendar().daysFollowTime() || ws.kind == WindowKind.HOUR_TILES) {
          int lo = TileTotals.firstUnfoldedInRange(log, ws.kind, ws.tiles, at, hi);
          if (lo < hi) {
            addRange(lo, s, TILE_RANGE);
          }
        } else {
          TileTotals.addUnfolded(log, ws.kind, ws.tiles, at, w);
        }
      }
    }
    if (ranges > 0) {
      pass(log, hi, totals, population);
    }
  }

  /** Inserts a range keeping them ordered by first row, latest first. */
  private void addRange(int lo, int slot, int mask) {
    int i = ranges++;
    while (i > 0 && rangeLo[i - 1] < lo) {
      rangeLo[i] = rangeLo[i - 1];
      rangeSlot[i] = rangeSlot[i - 1];
      rangeMask[i] = rangeMask[i - 1];
      i--;
    }
    rangeLo[i] = lo;
    rangeSlot[i] = slot;
    rangeMask[i] = mask;
  }

  private void pass(
      EventLog log, int hi, WindowTotals[] totals, PopulationStats.Reference population) {
    int union = 0;
    int lastFull = -1; // the last range that wants more than counts, sums and flags
    for (int r = 0; r < ranges; r++) {
      union |= rangeMask[r];
      if (rangeMask[r] != TILE_RANGE) {
        lastFull = r;
      }
    }
    int from = lastFull < 0 ? hi : rangeLo[lastFull];
    boolean distinct = (union & DISTINCT) != 0;
    boolean pop = (union & POPULATION) != 0;
    boolean hoursWanted = (union & HOURS) != 0;
    boolean trendWanted = (union & TREND) != 0;
    boolean gapsWanted = (union & GAPS) != 0;
    if (distinct) {
      ips.reset(hi - from);
      parties.reset(hi - from);
    }
    if (hoursWanted) {
      Arrays.fill(hours, 0);
    }
    Arrays.fill(flagCounts, 0);
    double outlierLow = 0;
    double outlierHigh = 0;
    boolean popUsable = pop && population.usable();
    if (popUsable) {
      outlierLow = (population.mean() - 3 * population.std()) * PopulationStats.SCALE;
      outlierHigh = (population.mean() + 3 * population.std()) * PopulationStats.SCALE;
    }
    long pivot = log.amount(hi - 1);
    long pivotTs = log.ts(hi - 1);
    long sum = 0;
    long max = 0;
    double shifted = 0;
    double squares = 0;
    long lanes = 0;
    int pending = 0;
    long nearSum = 0;
    long scaledLogSum = 0;
    int outliers = 0;
    long timeSum = 0;
    double timeSquares = 0;
    double timesAmounts = 0;
    long gapSquares = 0;
    long laterTs = pivotTs;
    long lastIp = 0;
    long lastParty = 0;
    boolean lastMark = false;
    int r = 0;
    int i = hi - 1;
    for (; ; i--) {
      while (r < ranges && i < rangeLo[r]) {
        WindowTotals w = totals[rangeSlot[r]];
        int n = hi - rangeLo[r];
        if (rangeMask[r] == TILE_RANGE) {
          w.count += n;
          w.sumCents += sum;
          addFlags(w.flags, lanes);
        } else {
          w.maxCents = max;
          addFlags(w.flags, lanes);
          w.nearSumCents = nearSum;
          double mean = sum / (double) n;
          if (n >= 2 && mean != 0) {
            double variance = (squares - shifted * shifted / n) / n;
            w.cv = Math.sqrt(Math.max(0, variance)) / mean;
          }
          if (distinct) {
            w.distinctIps = ips.size();
            w.distinctParties = parties.size();
            w.distinctMerchants = parties.marked();
          }
          if ((rangeMask[r] & HOURS) != 0) {
            w.hourEntropy = entropy(hours, n);
          }
          w.scaledLogSum = scaledLogSum;
          w.outliers = popUsable ? outliers : 0;
          if ((rangeMask[r] & TREND) != 0) {
            w.trend = trend(n, timeSum, timeSquares, timesAmounts, sum - n * pivot, sum);
          }
          if ((rangeMask[r] & GAPS) != 0) {
            w.regularity = regularity(n - 1, pivotTs - laterTs, gapSquares);
          }
        }
        r++;
      }
      if (r > lastFull) {
        break;
      }
      long a = log.amount(i);
      short attrs = log.attrs(i);
      sum += a;
      if (a > max) {
        max = a;
      }
      double d = a - pivot;
      shifted += d;
      squares += d * d;
      lanes += SPREAD[attrs & 0xff];
      if (++pending == LANE_LIMIT) {
        addLanes(flagCounts, lanes);
        lanes = 0;
        pending = 0;
      }
      if (EventFlags.has(attrs, EventFlags.NEAR_THRESHOLD)) {
        nearSum += a;
      }
      if (distinct) {
        long ip = log.ip(i);
        if (ip != lastIp) {
          ips.add(ip, false);
          lastIp = ip;
        }
        long party = log.party(i);
        boolean toMerchant = !EventFlags.has(attrs, EventFlags.TO_ACCOUNT);
        if (party != lastParty || toMerchant != lastMark) {
          parties.add(party, toMerchant);
          lastParty = party;
          lastMark = toMerchant;
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
      if (trendWanted || gapsWanted) {
        long ts = log.ts(i);
        long dt = ts - pivotTs;
        timeSum += dt;
        timeSquares += (double) dt * dt;
        timesAmounts += dt * d;
        long gap = laterTs - ts;
        gapSquares += gap * gap;
        laterTs = ts;
      }
    }
    // The rest only feeds tile corrections: counts, sums and flags.
    for (; r < ranges; r++) {
      for (; i >= rangeLo[r]; i--) {
        sum += log.amount(i);
        lanes += SPREAD[log.attrs(i) & 0xff];
        if (++pending == LANE_LIMIT) {
          addLanes(flagCounts, lanes);
          lanes = 0;
          pending = 0;
        }
      }
      WindowTotals w = totals[rangeSlot[r]];
      w.count += hi - rangeLo[r];
      w.sumCents += sum;
      addFlags(w.flags, lanes);
    }
  }

  /** Adds the flag counts so far, moved out and still in {@code lanes}, to {@code into}. */
  private void addFlags(int[] into, long lanes) {
    for (int f = 0; f < EventFlags.COUNT; f++) {
      into[f] += flagCounts[f];
    }
    addLanes(into, lanes);
  }

  /** Adds the eight byte lanes of {@code lanes} to {@code into}. */
  private static void addLanes(int[] into, long lanes) {
    for (int f = 0; f < EventFlags.COUNT; f++) {
      into[f] += (int) ((lanes >>> (8 * f)) & 0xff);
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

  /**
   * Least-squares slope of amount per hour over the mean amount, from sums over the window of
   * {@code d}, {@code d²} and {@code d·e}, where {@code d} is an event's time and {@code e} its
   * amount (cents) less the newest event's: one pass, and shifted so that neither sum of squares
   * cancels (every term is an exact integer below 2^53 for events within a day).
   */
  static double trend(
      int n, long timeSum, double timeSquares, double timesAmounts, long shiftedCents, long cents) {
    if (n < 3) {
      return 0;
    }
    double sxx = timeSquares - (double) timeSum * timeSum / n;
    double sxy = timesAmounts - (double) timeSum * shiftedCents / n;
    double my = cents / (double) n;
    if (sxx <= 0 || my == 0) {
      return 0;
    }
    return sxy / sxx * WindowKind.HOUR / my;
  }

  /**
   * 1 / (1 + coefficient of variation of the gaps between consecutive events), from the number of
   * gaps, their total and the sum of their squares: the sum of squared deviations, {@code (gaps ·
   * Σg² − total²) / gaps}, is taken in 128-bit integers, so it is exact, and exactly 0 for a
   * metronome.
   */
  static double regularity(int gaps, long total, long gapSquares) {
    if (gaps < 2 || total == 0) {
      return 0;
    }
    long low = gaps * gapSquares;
    long high = Math.multiplyHigh(gaps, gapSquares);
    long totalSquared = total * total;
    long deviationsLow = low - totalSquared;
    long deviationsHigh = high - (Long.compareUnsigned(low, totalSquared) < 0 ? 1 : 0);
    double deviations = deviationsHigh * 0x1p64 + unsigned(deviationsLow);
    double mean = total / (double) gaps;
    return 1 / (1 + Math.sqrt(deviations / gaps / gaps) / mean);
  }

  private static double unsigned(long v) {
    return (double) (v >>> 1) * 2 + (v & 1);
  }
}

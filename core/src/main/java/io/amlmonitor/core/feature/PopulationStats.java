package io.amlmonitor.core.feature;

/**
 * The distribution of customer payment amounts across the whole population, for features that
 * compare one customer with everyone: per-hour sums of {@code ln(1 + amount)} and of its square.
 *
 * <p>The reference for a read at {@code t} is the 24 whole hours that ended at least one hour
 * before the hour holding {@code t} (hours {@code h(t) - 25 .. h(t) - 2}), so that it is settled:
 * the allowed lateness is at most one hour, and a value computed live equals the one a backfill
 * computes. Logarithms are of amounts in currency units, rounded to thousandths and summed as
 * integers, so sums are exact in any order. A reference with fewer than {@link #MIN_PAYMENTS}
 * payments is not used (features read 0).
 */
public final class PopulationStats {
  /** Payments a reference needs before features use it. */
  public static final int MIN_PAYMENTS = 100;

  static final int SCALE = 1000;
  private static final int SLOTS = 32;
  private static final int REFERENCE_HOURS = 24;

  private final long[] hour = new long[SLOTS];
  private final long[] count = new long[SLOTS];
  private final long[] sum = new long[SLOTS];
  private final long[] sumSquares = new long[SLOTS];
  private final int minPayments;

  /** Recent references by hour, so reads spread over a few hours do not recompute. */
  private final Reference[] cache = new Reference[4];

  /**
   * The population's reference distribution of {@code ln(1 + amount)}.
   *
   * @param hour the hour of the read it was computed for
   * @param usable whether enough payments back it, with some spread
   */
  public record Reference(long hour, long count, double mean, double std, boolean usable) {

    /** Z-score of a scaled log amount; 0 when not usable. */
    double zscore(double scaledLog) {
      return usable() ? (scaledLog / SCALE - mean) / std : 0;
    }
  }

  public PopulationStats() {
    this(MIN_PAYMENTS);
  }

  /** Statistics whose references need {@code minPayments} payments to be used. */
  PopulationStats(int minPayments) {
    this.minPayments = minPayments;
    java.util.Arrays.fill(hour, Long.MIN_VALUE);
  }

  /** {@code ln(1 + cents/100)} in thousandths: deterministic on every JVM. */
  static long scaledLog(long cents) {
    return Math.round(StrictMath.log1p(cents / 100.0) * SCALE);
  }

  /**
   * Counts one customer payment of {@code cents} at {@code atMillis}: for a caller that applies a
   * payment's parts apart ({@link FeatureEngine#ingestParty}), once per accepted payment.
   */
  public void addPayment(long atMillis, long cents) {
    add(atMillis, scaledLog(cents));
  }

  /** Counts one customer payment, given the {@link #scaledLog} of its amount. */
  synchronized void add(long t, long scaledLog) {
    long h = Math.floorDiv(t, WindowKind.HOUR);
    int slot = (int) Math.floorMod(h, SLOTS);
    if (hour[slot] != h) {
      if (hour[slot] > h) {
        return; // older than the ring: no reference still to come uses it
      }
      hour[slot] = h;
      count[slot] = 0;
      sum[slot] = 0;
      sumSquares[slot] = 0;
    }
    count[slot]++;
    sum[slot] += scaledLog;
    sumSquares[slot] += scaledLog * scaledLog;
    for (int i = 0; i < cache.length; i++) {
      Reference cached = cache[i];
      if (cached != null && h <= cached.hour() - 2) {
        cache[i] = null; // a late payment in a settled hour this reference counted
      }
    }
  }

  /**
   * The statistics as bytes, for another process to {@link #load}: how API instances that only read
   * share the population of the one that ingests.
   */
  public synchronized byte[] toBytes() {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * SLOTS * Long.BYTES);
    for (long[] a : new long[][] {hour, count, sum, sumSquares}) {
      for (long v : a) {
        b.putLong(v);
      }
    }
    return b.array();
  }

  /**
   * Replaces these statistics with those {@link #toBytes} gave.
   *
   * @throws IllegalArgumentException when {@code bytes} is not such a snapshot
   */
  public synchronized void load(byte[] bytes) {
    if (bytes.length != 4 * SLOTS * Long.BYTES) {
      throw new IllegalArgumentException(
          "a population snapshot has " + 4 * SLOTS * Long.BYTES + " bytes, not " + bytes.length);
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
    for (long[] a : new long[][] {hour, count, sum, sumSquares}) {
      for (int i = 0; i < SLOTS; i++) {
        a[i] = b.getLong();
      }
    }
    java.util.Arrays.fill(cache, null);
  }

  /** The reference for a read at {@code t}. */
  public Reference reference(long t) {
    long h = Math.floorDiv(t, WindowKind.HOUR);
    synchronized (this) {
      Reference cached = cache[(int) Math.floorMod(h, cache.length)];
      if (cached != null && cached.hour() == h) {
        return cached;
      }
      return compute(h);
    }
  }

  private synchronized Reference compute(long h) {
    long n = 0;
    long s = 0;
    long s2 = 0;
    for (long k = h - REFERENCE_HOURS - 1; k <= h - 2; k++) {
      int slot = (int) Math.floorMod(k, SLOTS);
      if (hour[slot] == k) {
        n += count[slot];
        s += sum[slot];
        s2 += sumSquares[slot];
      }
    }
    double mean = n == 0 ? 0 : (double) s / n / SCALE;
    double variance = n == 0 ? 0 : ((double) s2 / n - ((double) s / n) * ((double) s / n));
    double std = Math.sqrt(Math.max(0, variance)) / SCALE;
    Reference r = new Reference(h, n, mean, std, n >= minPayments && std > 0);
    cache[(int) Math.floorMod(h, cache.length)] = r;
    return r;
  }
}

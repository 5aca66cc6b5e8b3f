package io.amlmonitor.graph;

/**
 * Maps amounts to one of 64 buckets so that an edge can remember, in one {@code long}, which
 * amounts it carried: with a tolerance t, buckets are ln(1 + t) wide on a log scale, so amounts
 * within the tolerance of each other fall in the same or adjacent buckets; with t = 0 each amount
 * in cents is hashed to its own bucket; with t ≥ 1 every amount falls in one bucket.
 *
 * <p>Buckets wrap modulo 64, so two amounts about e^(64·ln(1+t)) apart share a bit (a factor of 10⁵
 * at t = 0.2): the sets admit false positives, never false negatives.
 */
final class AmountBuckets {
  private final double tolerance;
  private final double width;

  AmountBuckets(double tolerance) {
    this.tolerance = tolerance;
    this.width = tolerance > 0 && tolerance < 1 ? Math.log1p(tolerance) : 1;
  }

  /** The bit of {@code cents}' bucket. */
  long bit(long cents) {
    if (tolerance >= 1) {
      return 1L;
    }
    if (tolerance == 0) {
      long h = cents * 0x9E3779B97F4A7C15L;
      return 1L << (h >>> 58);
    }
    return 1L << (index(cents) & 63);
  }

  /** The bits of every bucket an amount within [{@code low}, {@code high}] may fall in. */
  long bits(long low, long high) {
    if (tolerance >= 1) {
      return 1L;
    }
    if (tolerance == 0) {
      return bit(low);
    }
    long from = index(Math.max(0, low));
    long to = index(Math.max(0, high));
    if (to - from >= 63) {
      return -1L;
    }
    long bits = 0;
    for (long i = from; i <= to; i++) {
      bits |= 1L << (i & 63);
    }
    return bits;
  }

  private long index(long cents) {
    return (long) Math.floor(Math.log1p(cents) / width);
  }
}

package io.amlmonitor.core.feature;

/** Counts distinct non-zero hashes in a slice of a column, with a small open-addressing table. */
final class DistinctCount {
  private DistinctCount() {}

  static int of(long[] column, int lo, int hi) {
    int n = hi - lo;
    if (n == 0) {
      return 0;
    }
    if (n == 1) {
      return column[lo] == 0 ? 0 : 1;
    }
    int capacity = Integer.highestOneBit(Math.max(8, n * 2 - 1)) << 1;
    long[] table = new long[capacity];
    int mask = capacity - 1;
    int distinct = 0;
    for (int i = lo; i < hi; i++) {
      long v = column[i];
      if (v == 0) {
        continue;
      }
      int slot = (int) (v ^ (v >>> 32)) & mask;
      while (true) {
        long held = table[slot];
        if (held == 0) {
          table[slot] = v;
          distinct++;
          break;
        }
        if (held == v) {
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return distinct;
  }
}

package io.amlmonitor.core.feature;

import java.util.Arrays;

/**
 * The parties one flow has dealt with: for each, when the current spell of dealings began and when
 * it was last seen. A spell ends after {@link Aggregation#PARTY_MEMORY_DAYS} days without dealings,
 * so a party that comes back after that counts as new again.
 *
 * <p>Implementation note: parties are kept by a 32-bit hash in a sorted array (binary search, small
 * and cache-friendly: about 20 bytes a party). At most {@link #MAX_PARTIES}; when full, parties
 * idle past the memory go first, then the least recently seen. A 32-bit collision between two
 * parties of one flow makes the second look known: with 256 parties the chance is about 1 in
 * 130,000.
 */
final class PartyMemory {
  static final int MAX_PARTIES = 256;
  static final long MEMORY_MILLIS = Aggregation.PARTY_MEMORY_DAYS * WindowKind.DAY;

  private int[] keys = new int[4];
  private long[] first = new long[4];
  private long[] last = new long[4];
  private int size;

  /**
   * Records a dealing with {@code party} at {@code t}; {@code newest} is the flow's newest time.
   */
  void observe(long party, long t, long newest) {
    if (party == 0) {
      return;
    }
    int key = key(party);
    int i = Arrays.binarySearch(keys, 0, size, key);
    if (i >= 0) {
      if (t > last[i]) {
        if (t - last[i] >= MEMORY_MILLIS) {
          first[i] = t;
        }
        last[i] = t;
      } else if (t < first[i] && first[i] - t < MEMORY_MILLIS) {
        first[i] = t;
      }
      return;
    }
    if (size == MAX_PARTIES) {
      forget(newest);
      i = Arrays.binarySearch(keys, 0, size, key);
    }
    int at = -i - 1;
    if (size == keys.length) {
      int capacity = Math.min(MAX_PARTIES, keys.length * 2);
      keys = Arrays.copyOf(keys, capacity);
      first = Arrays.copyOf(first, capacity);
      last = Arrays.copyOf(last, capacity);
    }
    System.arraycopy(keys, at, keys, at + 1, size - at);
    System.arraycopy(first, at, first, at + 1, size - at);
    System.arraycopy(last, at, last, at + 1, size - at);
    keys[at] = key;
    first[at] = t;
    last[at] = t;
    size++;
  }

  /** Drops parties idle past the memory, or else the least recently seen one. */
  private void forget(long newest) {
    int kept = 0;
    int stalest = 0;
    for (int i = 0; i < size; i++) {
      if (last[i] < last[stalest]) {
        stalest = i;
      }
    }
    boolean anyIdle = false;
    for (int i = 0; i < size; i++) {
      anyIdle |= newest - last[i] >= MEMORY_MILLIS;
    }
    for (int i = 0; i < size; i++) {
      boolean drop = anyIdle ? newest - last[i] >= MEMORY_MILLIS : i == stalest;
      if (!drop) {
        keys[kept] = keys[i];
        first[kept] = first[i];
        last[kept] = last[i];
        kept++;
      }
    }
    size = kept;
  }

  /** Parties whose current spell began in {@code [from, to)}. */
  int startedIn(long from, long to) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (first[i] >= from && first[i] < to) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code party} had no dealings in the memory before {@code t}. */
  boolean isNew(long party, long t) {
    int i = Arrays.binarySearch(keys, 0, size, key(party));
    if (i < 0 || first[i] >= t) {
      return true;
    }
    return last[i] < t && t - last[i] >= MEMORY_MILLIS;
  }

  int size() {
    return size;
  }

  long footprint() {
    return 16L + 3 * 16L + keys.length * 20L;
  }

  private static int key(long party) {
    return (int) (party ^ (party >>> 32));
  }
}

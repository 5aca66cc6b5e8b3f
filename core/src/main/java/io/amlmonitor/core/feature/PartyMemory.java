package io.amlmonitor.core.feature;

/**
 * The parties one flow has dealt with: for each, when the current spell of dealings began and when
 * it was last seen. A spell ends after {@link Aggregation#PARTY_MEMORY_DAYS} days without dealings,
 * so a party that comes back after that counts as new again.
 *
 * <p>Implementation note: one {@code long[]} of (party, first seen, last seen) triples sorted by
 * party hash, searched by bisection: about 24 bytes a party and one cache line or two per update.
 * At most {@link #MAX_PARTIES}; when full, parties idle past the memory go first, then the least
 * recently seen.
 */
final class PartyMemory {
  static final int MAX_PARTIES = 256;
  static final long MEMORY_MILLIS = Aggregation.PARTY_MEMORY_DAYS * WindowKind.DAY;
  private static final int STRIDE = 3;

  private long[] entries = new long[4 * STRIDE];
  private int size;

  private long key(int i) {
    return entries[i * STRIDE];
  }

  private long first(int i) {
    return entries[i * STRIDE + 1];
  }

  private long last(int i) {
    return entries[i * STRIDE + 2];
  }

  /** Index of {@code party}, or {@code -(insertion point) - 1}. */
  private int find(long party) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long k = key(mid);
      if (k < party) {
        lo = mid + 1;
      } else if (k > party) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /**
   * Records a dealing with {@code party} at {@code t}; {@code newest} is the flow's newest time.
   */
  void observe(long party, long t, long newest) {
    if (party == 0) {
      return;
    }
    int i = find(party);
    if (i >= 0) {
      int base = i * STRIDE;
      if (t > entries[base + 2]) {
        if (t - entries[base + 2] >= MEMORY_MILLIS) {
          entries[base + 1] = t;
        }
        entries[base + 2] = t;
      } else if (t < entries[base + 1] && entries[base + 1] - t < MEMORY_MILLIS) {
        entries[base + 1] = t;
      }
      return;
    }
    if (size == MAX_PARTIES) {
      forget(newest);
      i = find(party);
    }
    int at = -i - 1;
    if ((size + 1) * STRIDE > entries.length) {
      long[] grown = new long[Math.min(MAX_PARTIES, size * 2) * STRIDE];
      System.arraycopy(entries, 0, grown, 0, size * STRIDE);
      entries = grown;
    }
    System.arraycopy(entries, at * STRIDE, entries, (at + 1) * STRIDE, (size - at) * STRIDE);
    entries[at * STRIDE] = party;
    entries[at * STRIDE + 1] = t;
    entries[at * STRIDE + 2] = t;
    size++;
  }

  /** Drops parties idle past the memory, or else the least recently seen one. */
  private void forget(long newest) {
    boolean anyIdle = false;
    int stalest = 0;
    for (int i = 0; i < size; i++) {
      anyIdle |= newest - last(i) >= MEMORY_MILLIS;
      if (last(i) < last(stalest)) {
        stalest = i;
      }
    }
    int kept = 0;
    for (int i = 0; i < size; i++) {
      boolean drop = anyIdle ? newest - last(i) >= MEMORY_MILLIS : i == stalest;
      if (!drop) {
        System.arraycopy(entries, i * STRIDE, entries, kept * STRIDE, STRIDE);
        kept++;
      }
    }
    size = kept;
  }

  /** Parties whose current spell began in {@code [from, to)}. */
  int startedIn(long from, long to) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      long f = first(i);
      if (f >= from && f < to) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code party} had no dealings in the memory before {@code t}. */
  boolean isNew(long party, long t) {
    int i = find(party);
    if (i < 0 || first(i) >= t) {
      return true;
    }
    return last(i) < t && t - last(i) >= MEMORY_MILLIS;
  }

  int size() {
    return size;
  }

  long footprint() {
    return 16L + 16 + entries.length * 8L;
  }
}

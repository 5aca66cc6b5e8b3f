package io.amlmonitor.core.feature;

/**
 * The parties one flow has dealt with: for each, when the current spell of dealings began and when
 * it was last seen. A spell ends after {@link Aggregation#PARTY_MEMORY_DAYS} days without dealings,
 * so a party that comes back after that counts as new again.
 *
 * <p>Implementation note: (party, first seen, last seen) triples sorted by party hash, searched by
 * bisection, in the region of the log's auxiliary {@code long[]} after its tiles: about 24 bytes a
 * party and one cache line or two per update, with no object of its own to miss on. At most {@link
 * #MAX_PARTIES}; when full, parties idle past the memory go first, then the least recently seen.
 */
final class PartyMemory {
  static final int MAX_PARTIES = 256;
  static final long MEMORY_MILLIS = Aggregation.PARTY_MEMORY_DAYS * WindowKind.DAY;
  static final int STRIDE = 3;

  /** Room for this many parties when a log is created. */
  static final int INITIAL_PARTIES = 4;

  private PartyMemory() {}

  /** Index of {@code party}, or {@code -(insertion point) - 1}. */
  static int find(long[] data, int offset, int size, long party) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long k = data[offset + mid * STRIDE];
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
  static void observe(EventLog log, long party, long t, long newest) {
    if (party == 0) {
      return;
    }
    int offset = log.partyOffset();
    long[] data = log.aux;
    int i = find(data, offset, log.partyCount, party);
    if (i >= 0) {
      int base = offset + i * STRIDE;
      if (t > data[base + 2]) {
        if (t - data[base + 2] >= MEMORY_MILLIS) {
          data[base + 1] = t;
        }
        data[base + 2] = t;
      } else if (t < data[base + 1] && data[base + 1] - t < MEMORY_MILLIS) {
        data[base + 1] = t;
      }
      return;
    }
    if (log.partyCount == MAX_PARTIES) {
      forget(log, newest);
      i = find(data, offset, log.partyCount, party);
    }
    int size = log.partyCount;
    if (offset + (size + 1) * STRIDE > data.length) {
      data = log.growAux(offset + Math.min(MAX_PARTIES, size * 2) * STRIDE);
    }
    int at = offset + (-i - 1) * STRIDE;
    System.arraycopy(data, at, data, at + STRIDE, offset + size * STRIDE - at);
    data[at] = party;
    data[at + 1] = t;
    data[at + 2] = t;
    log.partyCount = size + 1;
  }

  /** Drops parties idle past the memory, or else the least recently seen one. */
  private static void forget(EventLog log, long newest) {
    long[] data = log.aux;
    int offset = log.partyOffset();
    int size = log.partyCount;
    boolean anyIdle = false;
    int stalest = 0;
    for (int i = 0; i < size; i++) {
      long last = data[offset + i * STRIDE + 2];
      anyIdle |= newest - last >= MEMORY_MILLIS;
      if (last < data[offset + stalest * STRIDE + 2]) {
        stalest = i;
      }
    }
    int kept = 0;
    for (int i = 0; i < size; i++) {
      long last = data[offset + i * STRIDE + 2];
      boolean drop = anyIdle ? newest - last >= MEMORY_MILLIS : i == stalest;
      if (!drop) {
        System.arraycopy(data, offset + i * STRIDE, data, offset + kept * STRIDE, STRIDE);
        kept++;
      }
    }
    log.partyCount = kept;
  }

  /** Parties whose current spell began in {@code [from, to)}. */
  static int startedIn(EventLog log, long from, long to) {
    long[] data = log.aux;
    int offset = log.partyOffset();
    int n = 0;
    for (int i = 0; i < log.partyCount; i++) {
      long f = data[offset + i * STRIDE + 1];
      if (f >= from && f < to) {
        n++;
      }
    }
    return n;
  }

  /**
   * For each {@code k}, adds to {@code counts[k]} the parties whose spell began in {@code [to -
   * windows[k], to)}: {@link #startedIn} of several windows in one pass over the memory.
   */
  static void startedIn(EventLog log, long to, long[] windows, int[] counts) {
    long[] data = log.aux;
    int offset = log.partyOffset();
    int end = offset + log.partyCount * STRIDE;
    for (int i = offset + 1; i < end; i += STRIDE) {
      long f = data[i];
      if (f < to) {
        for (int k = 0; k < windows.length; k++) {
          if (f >= to - windows[k]) {
            counts[k]++;
          }
        }
      }
    }
  }

  /** Whether {@code party} had no dealings in the memory before {@code t}. */
  static boolean isNew(EventLog log, long party, long t) {
    long[] data = log.aux;
    int offset = log.partyOffset();
    int i = find(data, offset, log.partyCount, party);
    if (i < 0) {
      return true;
    }
    long first = data[offset + i * STRIDE + 1];
    long last = data[offset + i * STRIDE + 2];
    if (first >= t) {
      return true;
    }
    return last < t && t - last >= MEMORY_MILLIS;
  }
}

package io.amlmonitor.core.feature;

/**
 * Multisets of non-zero {@code long} hashes that know how many distinct values they hold, several
 * in one {@code long[]}, each with two longs of window state its owner keeps beside it: open
 * addressing with linear probing and backward-shift deletion, so removals leave no tombstones.
 *
 * <p>Implementation note: the array starts with a header per multiset — the owner's two longs
 * ({@link #FROM}, {@link #LO}), the distinct count, and where its table lies — followed by the
 * tables, a key and its count side by side per slot. A log that maintains a distinct count reaches
 * it through one reference, so an update that probes a cold multiset waits for one cache miss (or
 * two lines fetched in parallel: header and slot), where an object per multiset and one for its
 * table made a chain of three. Operations that may resize return the array to keep.
 */
final class LongMultiset {
  /** Header positions of the owner's window state. */
  static final int FROM = 0;

  static final int LO = 1;

  private static final int DISTINCT = 2;
  private static final int TABLE = 3;
  static final int HEADER = 4;
  private static final int MIN_SLOTS = 16;

  private LongMultiset() {}

  /** An array of {@code count} empty multisets, their window state 0. */
  static long[] create(int count) {
    long[] a = new long[count * HEADER + count * MIN_SLOTS * 2];
    for (int i = 0; i < count; i++) {
      a[i * HEADER + TABLE] = table(count * HEADER + i * MIN_SLOTS * 2, MIN_SLOTS);
    }
    return a;
  }

  /** Number of distinct values in multiset {@code i}. */
  static int distinct(long[] a, int i) {
    return (int) a[i * HEADER + DISTINCT];
  }

  static long get(long[] a, int i, int field) {
    return a[i * HEADER + field];
  }

  static void set(long[] a, int i, int field, long value) {
    a[i * HEADER + field] = value;
  }

  /**
   * Reads, and changes nothing, the slot where {@code key} lives or would go in multiset {@code i}:
   * a read ahead that tolerates an array being changed by another thread, reading within bounds.
   */
  static long peek(long[] a, int i, long key) {
    long table = a[i * HEADER + TABLE];
    int offset = offset(table);
    int mask = slots(table) - 1;
    int at = offset + (slot(key, mask) << 1);
    return at >= 0 && at < a.length ? a[at] : 0;
  }

  /** How many times multiset {@code i} holds {@code key}. */
  static long count(long[] a, int i, long key) {
    long table = a[i * HEADER + TABLE];
    int offset = offset(table);
    int mask = slots(table) - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      long held = a[offset + (slot << 1)];
      if (held == key) {
        return a[offset + (slot << 1) + 1];
      }
      if (held == 0) {
        return 0;
      }
    }
  }

  static long[] add(long[] a, int i, long key) {
    if (key == 0) {
      return a;
    }
    int h = i * HEADER;
    long table = a[h + TABLE];
    int offset = offset(table);
    int mask = slots(table) - 1;
    int slot = slot(key, mask);
    while (a[offset + (slot << 1)] != 0) {
      if (a[offset + (slot << 1)] == key) {
        a[offset + (slot << 1) + 1]++;
        return a;
      }
      slot = (slot + 1) & mask;
    }
    a[offset + (slot << 1)] = key;
    a[offset + (slot << 1) + 1] = 1;
    long distinct = ++a[h + DISTINCT];
    return distinct * 2 > mask + 1 ? resize(a, i, (mask + 1) * 2) : a;
  }

  /** Removes one occurrence; the value must be present. */
  static long[] remove(long[] a, int i, long key) {
    if (key == 0) {
      return a;
    }
    int h = i * HEADER;
    long table = a[h + TABLE];
    int offset = offset(table);
    int mask = slots(table) - 1;
    int slot = slot(key, mask);
    while (a[offset + (slot << 1)] != key) {
      if (a[offset + (slot << 1)] == 0) {
        throw new IllegalStateException("removing a value that is not held");
      }
      slot = (slot + 1) & mask;
    }
    if (--a[offset + (slot << 1) + 1] > 0) {
      return a;
    }
    long distinct = --a[h + DISTINCT];
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = slot;
    int next = (hole + 1) & mask;
    while (a[offset + (next << 1)] != 0) {
      int home = slot(a[offset + (next << 1)], mask);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        a[offset + (hole << 1)] = a[offset + (next << 1)];
        a[offset + (hole << 1) + 1] = a[offset + (next << 1) + 1];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    a[offset + (hole << 1)] = 0;
    a[offset + (hole << 1) + 1] = 0;
    int slots = mask + 1;
    return slots > MIN_SLOTS && distinct * 8 < slots ? resize(a, i, slots / 2) : a;
  }

  /** A new array in which multiset {@code i} has {@code slots} slots; the others are copied. */
  private static long[] resize(long[] a, int i, int slots) {
    int count = offset(a[TABLE]) / HEADER; // the first table follows the headers
    int length = count * HEADER;
    for (int k = 0; k < count; k++) {
      length += 2 * (k == i ? slots : slots(a[k * HEADER + TABLE]));
    }
    long[] b = new long[length];
    System.arraycopy(a, 0, b, 0, count * HEADER);
    int offset = count * HEADER;
    for (int k = 0; k < count; k++) {
      long old = a[k * HEADER + TABLE];
      int n = k == i ? slots : slots(old);
      b[k * HEADER + TABLE] = table(offset, n);
      if (k != i) {
        System.arraycopy(a, offset(old), b, offset, 2 * n);
      } else {
        int mask = n - 1;
        for (int s = offset(old); s < offset(old) + 2 * slots(old); s += 2) {
          if (a[s] != 0) {
            int slot = slot(a[s], mask);
            while (b[offset + (slot << 1)] != 0) {
              slot = (slot + 1) & mask;
            }
            b[offset + (slot << 1)] = a[s];
            b[offset + (slot << 1) + 1] = a[s + 1];
          }
        }
      }
      offset += 2 * n;
    }
    return b;
  }

  private static long table(int offset, int slots) {
    return ((long) offset << 32) | slots;
  }

  private static int offset(long table) {
    return (int) (table >>> 32);
  }

  private static int slots(long table) {
    return (int) table;
  }

  private static int slot(long key, int mask) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /** Approximate retained bytes, for memory reports. */
  static long footprint(long[] a) {
    return 16L + a.length * 8L;
  }
}

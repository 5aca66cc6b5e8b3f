package io.amlmonitor.core.feature;

/**
 * A multiset of non-zero {@code long} hashes that knows how many distinct values it holds: open
 * addressing with linear probing and backward-shift deletion, so removals leave no tombstones.
 */
final class LongMultiset {
  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY];
  private int[] counts = new int[MIN_CAPACITY];
  private int distinct;

  /** Number of distinct values held. */
  int distinct() {
    return distinct;
  }

  void add(long key) {
    if (key == 0) {
      return;
    }
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        counts[slot]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    counts[slot] = 1;
    distinct++;
    if (distinct * 2 > keys.length) {
      resize(keys.length * 2);
    }
  }

  /** Removes one occurrence; the value must be present. */
  void remove(long key) {
    if (key == 0) {
      return;
    }
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (keys[slot] != key) {
      if (keys[slot] == 0) {
        throw new IllegalStateException("removing a value that is not held");
      }
      slot = (slot + 1) & mask;
    }
    if (--counts[slot] > 0) {
      return;
    }
    distinct--;
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = slot;
    int next = (hole + 1) & mask;
    while (keys[next] != 0) {
      int home = slot(keys[next], mask);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        keys[hole] = keys[next];
        counts[hole] = counts[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    keys[hole] = 0;
    counts[hole] = 0;
    if (keys.length > MIN_CAPACITY && distinct * 8 < keys.length) {
      resize(keys.length / 2);
    }
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[capacity];
    counts = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i], mask);
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  private static int slot(long key, int mask) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /** Approximate retained bytes, for memory reports. */
  long footprint() {
    return 16L + keys.length * 12L + 32;
  }
}

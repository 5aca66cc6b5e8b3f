package io.amlmonitor.core.feature;

/**
 * A multiset of non-zero {@code long} hashes that knows how many distinct values it holds: open
 * addressing with linear probing and backward-shift deletion, so removals leave no tombstones.
 *
 * <p>Implementation note: each slot is a key and its count side by side in one {@code long[]}, so a
 * probe reads one cache line, not one in a key array and one in a count array.
 */
final class LongMultiset {
  private static final int MIN_SLOTS = 16;

  /** Slot {@code i}: key at {@code 2i}, count at {@code 2i + 1}; key 0 marks an empty slot. */
  private long[] table = new long[MIN_SLOTS * 2];

  private int distinct;

  /** Number of distinct values held. */
  int distinct() {
    return distinct;
  }

  private int slots() {
    return table.length >> 1;
  }

  void add(long key) {
    if (key == 0) {
      return;
    }
    int mask = slots() - 1;
    int slot = slot(key, mask);
    while (table[slot << 1] != 0) {
      if (table[slot << 1] == key) {
        table[(slot << 1) + 1]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    table[slot << 1] = key;
    table[(slot << 1) + 1] = 1;
    distinct++;
    if (distinct * 2 > slots()) {
      resize(slots() * 2);
    }
  }

  /** Removes one occurrence; the value must be present. */
  void remove(long key) {
    if (key == 0) {
      return;
    }
    int mask = slots() - 1;
    int slot = slot(key, mask);
    while (table[slot << 1] != key) {
      if (table[slot << 1] == 0) {
        throw new IllegalStateException("removing a value that is not held");
      }
      slot = (slot + 1) & mask;
    }
    if (--table[(slot << 1) + 1] > 0) {
      return;
    }
    distinct--;
    // Backward-shift deletion: pull later members of the probe run into the hole.
    int hole = slot;
    int next = (hole + 1) & mask;
    while (table[next << 1] != 0) {
      int home = slot(table[next << 1], mask);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        table[hole << 1] = table[next << 1];
        table[(hole << 1) + 1] = table[(next << 1) + 1];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    table[hole << 1] = 0;
    table[(hole << 1) + 1] = 0;
    if (slots() > MIN_SLOTS && distinct * 8 < slots()) {
      resize(slots() / 2);
    }
  }

  private void resize(int slots) {
    long[] old = table;
    table = new long[slots * 2];
    int mask = slots - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        int slot = slot(old[i], mask);
        while (table[slot << 1] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot << 1] = old[i];
        table[(slot << 1) + 1] = old[i + 1];
      }
    }
  }

  private static int slot(long key, int mask) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /** Approximate retained bytes, for memory reports. */
  long footprint() {
    return 16L + table.length * 8L + 16;
  }
}

package io.amlmonitor.core.feature;

/**
 * A reusable set of non-zero 64-bit hashes for counting distinct values in a pass over a window,
 * each value optionally marked (a party paid as a merchant), so that one set counts both the
 * distinct values and the distinct marked ones.
 *
 * <p>Implementation note: a short array searched in full while small, an open-addressing table when
 * larger. Only the slots a pass filled are cleared for the next, so a reuse costs as much as the
 * distinct values it held rather than the table's size.
 */
final class DistinctSet {
  private static final int LINEAR = 8;

  private long[] table = new long[16];
  private boolean[] marks = new boolean[16];
  private int[] used = new int[16];
  private final long[] spill = new long[LINEAR];
  private final boolean[] spillMarks = new boolean[LINEAR];
  private int size;
  private int marked;
  private int mask;
  private boolean hashed;

  /** Table slots for the values expected, once they outgrow the short array. */
  private int capacity;

  /** Empties the set, for up to {@code expected} values. */
  void reset(int expected) {
    for (int i = 0; i < size; i++) {
      int slot = used[i];
      table[slot] = 0;
      marks[slot] = false;
    }
    size = 0;
    marked = 0;
    hashed = false;
    capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
  }

  /** Moves the short array's values into a table, for a set that has outgrown it. */
  private void hash() {
    for (int i = 0; i < size; i++) {
      spill[i] = table[i];
      spillMarks[i] = marks[i];
      table[i] = 0;
      marks[i] = false;
    }
    if (capacity > table.length) {
      table = new long[capacity];
      marks = new boolean[capacity];
      used = new int[capacity];
    }
    mask = capacity - 1;
    hashed = true;
    for (int i = 0; i < size; i++) {
      int slot = probe(spill[i]);
      table[slot] = spill[i];
      marks[slot] = spillMarks[i];
      used[i] = slot;
    }
  }

  /** Adds {@code v} (0 is ignored), marking it when {@code mark}. */
  void add(long v, boolean mark) {
    if (v == 0) {
      return;
    }
    int slot = hashed ? probe(v) : scan(v);
    if (!hashed && slot == LINEAR) {
      hash();
      slot = probe(v);
    }
    if (table[slot] == 0) {
      table[slot] = v;
      used[size++] = slot;
    }
    if (mark && !marks[slot]) {
      marks[slot] = true;
      marked++;
    }
  }

  private int scan(long v) {
    for (int i = 0; i < size; i++) {
      if (table[i] == v) {
        return i;
      }
    }
    return size;
  }

  private int probe(long v) {
    int slot = (int) (v ^ (v >>> 32)) & mask;
    while (true) {
      long held = table[slot];
      if (held == 0 || held == v) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Distinct values added since the last reset. */
  int size() {
    return size;
  }

  /** Distinct values added with a mark at least once. */
  int marked() {
    return marked;
  }
}

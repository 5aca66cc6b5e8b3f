package io.amlmonitor.graph;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to non-negative {@code int} values, without boxing:
 * the graph's index from an ordered node pair to its edge.
 *
 * <p>Implementation note: linear probing over a power-of-two table kept at most half full, with a
 * multiplicative hash; a {@link java.util.HashMap} of boxed keys costs several times more per
 * update on the hot path measured in {@code GraphUpdateBenchmark}.
 */
final class LongIntMap {
  private static final int ABSENT = -1;
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
    mask = capacity - 1;
  }

  /** The value of {@code key}, or -1 when absent. */
  int get(long key) {
    int i = slot(key);
    while (values[i] != ABSENT) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return ABSENT;
  }

  /** Sets {@code key} to {@code value} (not negative). */
  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int i = slot(key);
    while (values[i] != ABSENT) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  int size() {
    return size;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, ABSENT);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != ABSENT) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}

package io.amlmonitor.core.feature;

import java.util.Arrays;

/** Totals of a tiled window at a read time: whole tiles, less the events at or after the read. */
final class TileTotals {
  int count;
  long sumCents;
  final int[] flags = new int[EventFlags.COUNT];

  void clear() {
    count = 0;
    sumCents = 0;
    Arrays.fill(flags, 0);
  }

  /**
   * Sums tiles {@code index(t) - n + 1 .. index(t)} of {@code tiles} and takes out the raw events
   * at or after {@code t} that those tiles hold.
   */
  void compute(EventLog log, Tiles tiles, int n, long t, LocalCalendar calendar) {
    clear();
    WindowKind kind = tiles.spec().kind();
    long index = tileIndex(kind, t, calendar);
    int[] kept = tiles.spec().flags();
    for (long k = index - n + 1; k <= index; k++) {
      int base = tiles.find((int) k);
      if (base < 0) {
        continue;
      }
      count += tiles.count(base);
      sumCents += tiles.sumCents(base);
      for (int p = 0; p < kept.length; p++) {
        flags[kept[p]] += tiles.flagCount(base, p);
      }
    }
    for (int i = log.lowerBound(t); i < log.end(); i++) {
      if (tileIndex(kind, log.ts(i), calendar) > index) {
        break;
      }
      count--;
      sumCents -= log.amount(i);
      for (int f : kept) {
        flags[f] -= EventFlags.bit(log.attrs(i), f);
      }
    }
  }

  static long tileIndex(WindowKind kind, long t, LocalCalendar calendar) {
    return kind == WindowKind.HOUR_TILES ? Math.floorDiv(t, WindowKind.HOUR) : calendar.epochDay(t);
  }
}

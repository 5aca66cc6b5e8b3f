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
   * Sums tiles {@code index(t) - n + 1 .. index(t)} of the log's {@code kind} tiles and takes out
   * the raw events at or after {@code t} that those tiles hold.
   */
  void compute(EventLog log, WindowKind kind, int n, long t, LocalCalendar calendar) {
    clear();
    Tiles.TileSpec spec = log.tileSpec(kind);
    int offset = log.tileOffset(kind);
    long[] data = log.aux;
    long index = tileIndex(kind, t, calendar);
    int[] kept = spec.flags();
    for (long k = index - n + 1; k <= index; k++) {
      int base = Tiles.find(spec, data, offset, (int) k);
      if (base < 0) {
        continue;
      }
      count += Tiles.count(data, base);
      sumCents += Tiles.sumCents(data, base);
      for (int p = 0; p < kept.length; p++) {
        flags[kept[p]] += Tiles.flagCount(data, base, p);
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

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
   * Sums tiles {@code index(t) - n + 1 .. index(t)} of the log's {@code kind} tiles and corrects
   * for the raw events: with deferred tiles, adds the rows not yet folded whose tile is in range
   * and whose time is before {@code t}; otherwise takes out the rows at or after {@code t} that the
   * tiles hold.
   */
  void compute(EventLog log, WindowKind kind, int n, long t) {
    clear();
    LogSpec logSpec = log.spec();
    Tiles.TileSpec spec = log.tileSpec(kind);
    int offset = log.tileOffset(kind);
    long[] data = log.aux;
    long index = logSpec.tileIndex(kind, t);
    long oldest = index - n + 1;
    int[] kept = spec.flags();
    for (long k = oldest; k <= index; k++) {
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
    if (logSpec.deferredTiles()) {
      for (int i = log.folded(); i < log.end(); i++) {
        long ts = log.ts(i);
        if (ts >= t) {
          break;
        }
        long k = logSpec.tileIndex(kind, ts);
        if (k >= oldest && k <= index) {
          add(log, i, kept, 1);
        }
      }
      return;
    }
    for (int i = log.lowerBound(t); i < log.end(); i++) {
      if (logSpec.tileIndex(kind, log.ts(i)) > index) {
        break;
      }
      add(log, i, kept, -1);
    }
  }

  private void add(EventLog log, int i, int[] kept, int sign) {
    count += sign;
    sumCents += sign * log.amount(i);
    for (int f : kept) {
      flags[f] += sign * EventFlags.bit(log.attrs(i), f);
    }
  }
}

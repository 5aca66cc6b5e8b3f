package io.amlmonitor.core.feature;

/**
 * Totals of a tiled window at a read time {@code t}: the whole tiles {@code index(t) - n + 1 ..
 * index(t)}, corrected by the raw events. With deferred tiles the raw rows not yet folded whose
 * tile is in range and whose time is before {@code t} are added ({@link FlowScan} adds them in its
 * pass when they form one range, else {@link #addUnfolded}); otherwise the rows at or after {@code
 * t} that the tiles already hold are taken out ({@link #subtractFrom}).
 */
final class TileTotals {
  private TileTotals() {}

  /** Adds the whole tiles of the window to {@code w}. */
  static void addTiles(EventLog log, WindowKind kind, int n, long t, WindowTotals w) {
    Tiles.TileSpec spec = log.tileSpec(kind);
    int offset = log.tileOffset(kind);
    long[] data = log.aux;
    long index = log.spec().tileIndex(kind, t);
    int[] kept = spec.flags();
    for (long k = index - n + 1; k <= index; k++) {
      int base = Tiles.find(spec, data, offset, (int) k);
      if (base < 0) {
        continue;
      }
      w.count += Tiles.count(data, base);
      w.sumCents += Tiles.sumCents(data, base);
      for (int p = 0; p < kept.length; p++) {
        w.flags[kept[p]] += Tiles.flagCount(data, base, p);
      }
    }
  }

  /**
   * The first of the rows not yet folded, before {@code hi}, whose tile is in the window: the rows
   * from there to {@code hi} are the ones to add, provided tile indices only grow with time.
   */
  static int firstUnfoldedInRange(EventLog log, WindowKind kind, int n, long t, int hi) {
    LogSpec spec = log.spec();
    long oldest = spec.tileIndex(kind, t) - n + 1;
    int lo = log.folded();
    if (lo >= hi || spec.tileIndex(kind, log.ts(lo)) >= oldest) {
      return lo; // the usual case: every unfolded row is recent enough
    }
    int high = hi;
    while (lo < high) {
      int mid = (lo + high) >>> 1;
      if (spec.tileIndex(kind, log.ts(mid)) < oldest) {
        lo = mid + 1;
      } else {
        high = mid;
      }
    }
    return lo;
  }

  /**
   * Adds the rows not yet folded that are before {@code t} and in the window's tiles, one by one.
   */
  static void addUnfolded(EventLog log, WindowKind kind, int n, long t, WindowTotals w) {
    LogSpec spec = log.spec();
    long index = spec.tileIndex(kind, t);
    long oldest = index - n + 1;
    int[] kept = log.tileSpec(kind).flags();
    for (int i = log.folded(); i < log.end(); i++) {
      long ts = log.ts(i);
      if (ts >= t) {
        break;
      }
      long k = spec.tileIndex(kind, ts);
      if (k >= oldest && k <= index) {
        add(log, i, kept, 1, w);
      }
    }
  }

  /** Takes the rows from {@code hi} (the first at or after {@code t}) in {@code t}'s tile out. */
  static void subtractFrom(EventLog log, WindowKind kind, int hi, long t, WindowTotals w) {
    LogSpec spec = log.spec();
    long index = spec.tileIndex(kind, t);
    int[] kept = log.tileSpec(kind).flags();
    for (int i = hi; i < log.end(); i++) {
      if (spec.tileIndex(kind, log.ts(i)) > index) {
        break;
      }
      add(log, i, kept, -1, w);
    }
  }

  private static void add(EventLog log, int i, int[] kept, int sign, WindowTotals w) {
    w.count += sign;
    w.sumCents += sign * log.amount(i);
    for (int f : kept) {
      w.flags[f] += sign * EventFlags.bit(log.attrs(i), f);
    }
  }
}

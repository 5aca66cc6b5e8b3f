package io.amlmonitor.core.feature;

/**
 * Per-hour or per-day totals of one flow — count, sum of amounts and the count of each kept flag —
 * in a ring of slots, for windows too long to keep raw events for.
 *
 * <p>Implementation note: the ring is a region of its log's auxiliary {@code long[]}, {@code
 * stride} longs a slot: the tile index and event count packed in the first, the sum in cents in the
 * second, then the kept flag counts two to a long. Living inside the log's array rather than in an
 * object of its own spares an update the cache miss on that object. A slot holding an older tile is
 * reset when a newer one needs it; the ring has one slot more than the longest window needs, so a
 * read up to one tile behind the newest still finds every tile it sums.
 */
final class Tiles {
  private Tiles() {}

  /** What a flow keeps in tiles: the tile kind, how many, which flags. */
  record TileSpec(WindowKind kind, int slots, int[] flags) {
    int stride() {
      return 2 + (flags.length + 1) / 2;
    }

    /** Longs the ring takes. */
    int size() {
      return slots * stride();
    }

    /** Position of {@code flag} among the kept flags, or -1. */
    int flagPosition(int flag) {
      for (int i = 0; i < flags.length; i++) {
        if (flags[i] == flag) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Marks every slot of the ring at {@code offset} empty. */
  static void init(TileSpec spec, long[] data, int offset) {
    for (int s = 0; s < spec.slots(); s++) {
      data[offset + s * spec.stride()] = pack(Integer.MIN_VALUE, 0);
    }
  }

  /** Adds one event to tile {@code index}; an index older than the ring holds is ignored. */
  static void add(TileSpec spec, long[] data, int offset, int index, long cents, short attrs) {
    int stride = spec.stride();
    int base = offset + Math.floorMod(index, spec.slots()) * stride;
    int held = (int) (data[base] >> 32);
    if (held != index) {
      if (held > index) {
        return;
      }
      for (int i = 0; i < stride; i++) {
        data[base + i] = 0;
      }
      data[base] = pack(index, 0);
    }
    data[base] += 1; // the count sits in the low half
    data[base + 1] += cents;
    int[] flags = spec.flags();
    for (int f = 0; f < flags.length; f++) {
      if (EventFlags.has(attrs, flags[f])) {
        data[base + 2 + f / 2] += (f & 1) == 0 ? 1L : 1L << 32;
      }
    }
  }

  /** Base offset of tile {@code index}, or -1 when the ring does not hold it (an empty tile). */
  static int find(TileSpec spec, long[] data, int offset, int index) {
    int base = offset + Math.floorMod(index, spec.slots()) * spec.stride();
    return (int) (data[base] >> 32) == index ? base : -1;
  }

  static int count(long[] data, int base) {
    return (int) data[base];
  }

  static long sumCents(long[] data, int base) {
    return data[base + 1];
  }

  /** Count of the kept flag at position {@code position} (see {@link TileSpec#flagPosition}). */
  static int flagCount(long[] data, int base, int position) {
    long packed = data[base + 2 + position / 2];
    return (position & 1) == 0 ? (int) packed : (int) (packed >>> 32);
  }

  private static long pack(int index, int count) {
    return ((long) index << 32) | (count & 0xffffffffL);
  }
}

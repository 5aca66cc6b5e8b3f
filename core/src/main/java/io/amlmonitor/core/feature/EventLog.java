package io.amlmonitor.core.feature;

import java.io.DataInput;
import java.io.IOException;

/**
 * The retained events of one flow of one entity, sorted by event time, with a prefix sum of
 * amounts, so that any exact window {@code [t - W, t)} can be evaluated at any read time {@code t};
 * plus, as its {@link LogSpec} asks, tiles for long windows, a memory of the parties dealt with,
 * and maintained distinct counts.
 *
 * <p>Implementation note: at the 100,000-customer scale an update is bound by cache misses, not
 * arithmetic, so a log is this object and two arrays (three where a distinct count is maintained).
 * Events are rows of one {@code long[]} — time, amount with the {@link EventFlags} word in its top
 * 16 bits, prefix sum, other party, the IP where some feature counts IPs, the transaction id where
 * duplicates are looked for — so that appending an event or reading a window touches one or two
 * cache lines rather than one per column. Rows live in {@code [start, end)} of an array that grows
 * by doubling and compacts when the evicted prefix is at least half of it, so appends and evictions
 * are O(1) amortised. An out-of-order event (within the allowed lateness) is inserted at its place,
 * shifting the few newer rows. The id column sits behind a 128-bit Bloom filter held in two fields,
 * so that the duplicate check reads ids only when the filter says it may have seen one (about 2% of
 * the time for a log of ten events). The second array, {@link #aux}, holds the hour tiles, the day
 * tiles and the party memory one after the other. With deferred tiles (customers), an event reaches
 * its tile only when a compaction folds the rows that have left the raw window, so an update
 * touches no tile line; reads add the rows not yet folded. Maintained distinct counts (merchants)
 * live in one {@link LongMultiset} array. Not thread-safe: the store guards each entity.
 */
public final class EventLog {
  private static final int INITIAL_CAPACITY = 4;
  private static final int TS = 0;
  private static final int AMOUNT = 1;
  private static final int CUM = 2;
  private static final int PARTY = 3;
  private static final long LOW48 = (1L << 48) - 1;
  private static final long[] NO_AUX = new long[0];

  /** Lines of rows, and of the auxiliary array, that reading ahead of a read touches at most. */
  private static final int READ_AHEAD_LINES = 32;

  /** Longs of party memory that reading ahead reads whole rather than searches: eight lines. */
  private static final int SMALL_PARTY_MEMORY = 64;

  private final LogSpec spec;
  private final int stride;

  /** Column of the IP hash, or -1. */
  private final int ipColumn;

  /** Column of the transaction id hash, or -1. */
  private final int idColumn;

  private long[] rows;

  /** Hour tiles, then day tiles, then the party memory: see {@link Tiles}, {@link PartyMemory}. */
  long[] aux;

  /** Parties held in the party memory. */
  int partyCount;

  /** A 128-bit Bloom filter of the retained transaction ids, in fields: no array to miss on. */
  private long bloom0;

  private long bloom1;

  private int start;
  private int end;

  /**
   * With {@link LogSpec#deferredTiles()}, rows before this index are in the tiles; those from it up
   * to {@link #start} have left the raw window but are still to be folded in.
   */
  private int folded;

  private long baseAmount;

  private long newestTs = Long.MIN_VALUE;
  private long lastEvictedTs = Long.MIN_VALUE;
  private long firstTs = Long.MAX_VALUE;

  /**
   * The distinct counts kept up to date on ingest (see {@link LogSpec#distinct()}), each over the
   * window ending at the newest event: a {@link LongMultiset} of the values of rows at or after
   * {@link LongMultiset#FROM}, the first of which is row {@link LongMultiset#LO}. Null when none.
   */
  private long[] distinct;

  private final int distinctCount;

  /** The outcome of offering an event to a log. */
  public enum Placement {
    /** Placed in its windows. */
    ACCEPTED,
    /** A transaction id already in the log: counted once, so not again. */
    DUPLICATE,
    /** Older than the newest event minus the allowed lateness: left out of the windows. */
    LATE
  }

  EventLog(LogSpec spec) {
    this.spec = spec;
    int columns = 4;
    this.ipColumn = spec.keepIps() ? columns++ : -1;
    this.idColumn = spec.dedup() ? columns++ : -1;
    this.stride = columns;
    allocate(INITIAL_CAPACITY);
    int auxSize =
        spec.partyOffset()
            + (spec.partyMemory() ? PartyMemory.INITIAL_PARTIES * PartyMemory.STRIDE : 0);
    this.aux = auxSize == 0 ? NO_AUX : new long[auxSize];
    if (spec.hourTiles() != null) {
      Tiles.init(spec.hourTiles(), aux, 0);
    }
    if (spec.dayTiles() != null) {
      Tiles.init(spec.dayTiles(), aux, spec.dayTileOffset());
    }
    this.distinctCount = spec.distinct().size();
    if (distinctCount > 0) {
      distinct = LongMultiset.create(distinctCount);
      for (int i = 0; i < distinctCount; i++) {
        LongMultiset.set(distinct, i, LongMultiset.FROM, Long.MIN_VALUE);
      }
    }
  }

  LogSpec spec() {
    return spec;
  }

  private void allocate(int capacity) {
    rows = new long[capacity * stride];
    bloom0 = 0;
    bloom1 = 0;
  }

  private int capacity() {
    return rows.length / stride;
  }

  /** Number of retained events. */
  public int size() {
    return end - start;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** First row not yet folded into deferred tiles: rows from here on are read raw. */
  int folded() {
    return folded;
  }

  long ts(int i) {
    return rows[i * stride + TS] & LOW48;
  }

  /** {@link PopulationStats#scaledLog} of the amount, computed once at ingest. */
  int scaledLog(int i) {
    return (int) (rows[i * stride + TS] >>> 48);
  }

  long amount(int i) {
    return rows[i * stride + AMOUNT] & LOW48;
  }

  short attrs(int i) {
    return (short) (rows[i * stride + AMOUNT] >>> 48);
  }

  long party(int i) {
    return rows[i * stride + PARTY];
  }

  long ip(int i) {
    return ipColumn < 0 ? 0 : rows[i * stride + ipColumn];
  }

  private long id(int i) {
    return rows[i * stride + idColumn];
  }

  Tiles.TileSpec tileSpec(WindowKind kind) {
    return kind == WindowKind.HOUR_TILES ? spec.hourTiles() : spec.dayTiles();
  }

  int tileOffset(WindowKind kind) {
    return kind == WindowKind.HOUR_TILES ? 0 : spec.dayTileOffset();
  }

  boolean remembersParties() {
    return spec.partyMemory();
  }

  int partyOffset() {
    return spec.partyOffset();
  }

  /** Grows {@link #aux} to {@code size} longs and returns it. */
  long[] growAux(int size) {
    aux = java.util.Arrays.copyOf(aux, size);
    return aux;
  }

  /** Event time of the newest event ever accepted, or {@link Long#MIN_VALUE} if none. */
  public long newestTimestamp() {
    return newestTs;
  }

  /** Event time of the oldest event ever accepted, or {@link Long#MAX_VALUE} if none. */
  long firstTimestamp() {
    return firstTs;
  }

  /**
   * Offers one event.
   *
   * @param ipHash hash of the IP address, 0 when none
   * @param partyHash hash of the other party
   * @param idHash hash of the transaction id, 0 to skip de-duplication
   * @param eventAttrs {@link EventFlags} of the event
   * @param day the local day index of {@code t}, for day tiles
   * @param scaledLog {@link PopulationStats#scaledLog} of {@code cents}, computed once a payment
   */
  Placement add(
      long t,
      long cents,
      long ipHash,
      long partyHash,
      long idHash,
      short eventAttrs,
      long day,
      long scaledLog) {
    Placement placement = placementOf(t, idHash);
    if (placement != Placement.ACCEPTED) {
      return placement;
    }
    long ipValue = ipColumn < 0 ? 0 : ipHash;
    insertAt(upperBound(t), t, cents, ipValue, partyHash, idHash, eventAttrs, scaledLog);
    for (int d = 0; d < distinctCount; d++) {
      if (t < LongMultiset.get(distinct, d, LongMultiset.FROM)) {
        shiftLo(d, 1);
      } else {
        addDistinct(d, spec.distinct().get(d).ips() ? ipValue : partyHash);
      }
    }
    if (!spec.deferredTiles()) {
      if (spec.hourTiles() != null) {
        Tiles.add(
            spec.hourTiles(), aux, 0, (int) Math.floorDiv(t, WindowKind.HOUR), cents, eventAttrs);
      }
      if (spec.dayTiles() != null) {
        Tiles.add(spec.dayTiles(), aux, spec.dayTileOffset(), (int) day, cents, eventAttrs);
      }
    }
    if (spec.partyMemory()) {
      PartyMemory.observe(this, partyHash, t, Math.max(t, newestTs));
    }
    if (t < firstTs) {
      firstTs = t;
    }
    if (t > newestTs) {
      newestTs = t;
      for (int d = 0; d < distinctCount; d++) {
        advance(d, t - spec.distinct().get(d).windowMillis());
      }
      evictBefore(newestTs - spec.retentionMillis());
    }
    return Placement.ACCEPTED;
  }

  /**
   * What {@link #add} would do with an event at {@code t} with id hash {@code idHash} (0: no
   * de-duplication), changing nothing.
   */
  Placement placementOf(long t, long idHash) {
    if (idColumn >= 0 && idHash != 0 && containsId(idHash)) {
      return Placement.DUPLICATE;
    }
    if (newestTs != Long.MIN_VALUE && t < newestTs - spec.latenessMillis()) {
      return Placement.LATE;
    }
    return Placement.ACCEPTED;
  }

  /**
   * Reads, and changes nothing, the first cache lines that {@link #add} of an event at {@code t}
   * touches in this log's arrays: the oldest and the newest rows, the slot after them, the tiles
   * that take {@code t} at once, a small party memory whole and the distinct counts' headers. The
   * second half of reading ahead ({@link #readAheadDeep}) follows what these lines hold.
   *
   * <p>For reading ahead of a batch: the state may be changing in another thread, so it reads
   * within the bounds of the arrays it sees and any value will do. Returns a value derived from
   * every line read, which the caller keeps so that the reads are not optimised away.
   */
  long readAhead(long t) {
    long[] r = rows;
    int n = r.length;
    int head = start * stride;
    int tail = end * stride;
    long v = head < n ? r[head] : 0;
    if (tail > 0 && tail - stride < n) {
      v += r[tail - stride];
    }
    if (tail + stride - 1 < n) {
      v += r[tail + stride - 1];
    }
    long[] x = aux;
    if (!spec.deferredTiles() && spec.hourTiles() != null) {
      int slot = Math.floorMod(Math.floorDiv(t, WindowKind.HOUR), spec.hourTiles().slots());
      int i = slot * spec.hourTiles().stride();
      v += i < x.length ? x[i] : 0;
    }
    if (spec.partyMemory()) {
      // A small memory is read whole, its lines in parallel; a large one is searched next.
      int from = spec.partyOffset();
      int to = Math.min(x.length, from + partyCount * PartyMemory.STRIDE);
      if (to - from <= SMALL_PARTY_MEMORY) {
        for (int i = from; i < to; i += 8) {
          v += x[i];
        }
        v += to > from ? x[to - 1] : 0;
      }
    }
    long[] m = distinct;
    if (m != null) {
      v += m[0];
    }
    return v;
  }

  /**
   * Reads, and changes nothing, the lines a read at {@code at} is about to use: the newest rows
   * (all of a short log), the oldest row, and the auxiliary array (tiles, then the party memory)
   * from its start; at most {@link #READ_AHEAD_LINES} lines of each. For reading ahead of a read,
   * on the same terms as {@link #readAhead}.
   */
  long readAheadForRead() {
    long[] r = rows;
    int from = Math.min(start * stride, r.length);
    int to = Math.min(end * stride, r.length);
    long v = from < to ? r[from] : 0;
    for (int i = to - 1; i >= from && i > to - 1 - READ_AHEAD_LINES * 8; i -= 8) {
      v += r[i];
    }
    long[] x = aux;
    for (int i = 0; i < Math.min(x.length, READ_AHEAD_LINES * 8); i += 8) {
      v += x[i];
    }
    long[] m = distinct;
    if (m != null) {
      v += m[0];
    }
    return v;
  }

  /**
   * The second half of {@link #readAhead}: a large party memory's search for {@code partyHash}, the
   * distinct counts' slots of the new event and of the oldest event in each, which the event will
   * retire. Same terms.
   */
  long readAheadDeep(long ipHash, long partyHash) {
    long v = 0;
    if (spec.partyMemory()) {
      long[] x = aux;
      int count = partyCount;
      int offset = spec.partyOffset();
      if (count * PartyMemory.STRIDE > SMALL_PARTY_MEMORY
          && offset + count * PartyMemory.STRIDE <= x.length) {
        v += PartyMemory.find(x, offset, count, partyHash);
      }
    }
    long[] m = distinct;
    if (m != null && m.length >= distinctCount * LongMultiset.HEADER) {
      long[] r = rows;
      for (int d = 0; d < distinctCount; d++) {
        boolean ips = spec.distinct().get(d).ips();
        v += LongMultiset.peek(m, d, ips ? ipHash : partyHash);
        int lo = (int) LongMultiset.get(m, d, LongMultiset.LO) * stride;
        if (lo >= 0 && lo + stride <= r.length) {
          v += LongMultiset.peek(m, d, r[lo + (ips && ipColumn >= 0 ? ipColumn : PARTY)]);
        }
      }
    }
    return v;
  }

  private void advance(int d, long from) {
    if (from <= LongMultiset.get(distinct, d, LongMultiset.FROM)) {
      return; // a read already moved the window further
    }
    int lo = (int) LongMultiset.get(distinct, d, LongMultiset.LO);
    while (lo < end && ts(lo) < from) {
      removeDistinct(d, value(d, lo));
      lo++;
    }
    LongMultiset.set(distinct, d, LongMultiset.LO, lo);
    LongMultiset.set(distinct, d, LongMultiset.FROM, from);
  }

  // Stores only when the array changed: a reference store costs a GC barrier.
  private void addDistinct(int d, long value) {
    long[] a = LongMultiset.add(distinct, d, value);
    if (a != distinct) {
      distinct = a;
    }
  }

  private void removeDistinct(int d, long value) {
    long[] a = LongMultiset.remove(distinct, d, value);
    if (a != distinct) {
      distinct = a;
    }
  }

  private void shiftLo(int d, int by) {
    LongMultiset.set(
        distinct, d, LongMultiset.LO, LongMultiset.get(distinct, d, LongMultiset.LO) + by);
  }

  private boolean containsId(long idHash) {
    if (!bloomMayContain(idHash)) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (id(i) == idHash) {
        return true;
      }
    }
    return false;
  }

  private boolean bloomMayContain(long h) {
    return (bloom0 & (1L << h)) != 0 && (bloom1 & (1L << (h >>> 32))) != 0;
  }

  private void bloomAdd(long h) {
    bloom0 |= 1L << h; // shifts use the low six bits
    bloom1 |= 1L << (h >>> 32);
  }

  private void insertAt(
      int at,
      long t,
      long cents,
      long ipHash,
      long partyHash,
      long idHash,
      short eventAttrs,
      long scaledLog) {
    if (end == capacity()) {
      int shift = start;
      makeRoom();
      at -= shift;
    }
    int tail = end - at;
    if (tail > 0) {
      System.arraycopy(rows, at * stride, rows, (at + 1) * stride, tail * stride);
    }
    end++;
    int base = at * stride;
    // Times since 1970 up to 9999 fit in 48 bits; the log amount (at most about 32,000) in 16.
    rows[base + TS] = t | (scaledLog << 48);
    rows[base + AMOUNT] = cents | ((long) eventAttrs << 48);
    rows[base + CUM] = cumAmountBefore(at) + cents;
    rows[base + PARTY] = partyHash;
    if (ipColumn >= 0) {
      rows[base + ipColumn] = ipHash;
    }
    if (idColumn >= 0) {
      rows[base + idColumn] = idHash;
      bloomAdd(idHash);
    }
    for (int i = at + 1; i < end; i++) {
      rows[i * stride + CUM] += cents;
    }
  }

  /**
   * Adds the rows that left the raw window since the last fold to their tiles, oldest first, as
   * eager tiles would have received them; an update then touches no tile, and a batch of evicted
   * rows touches each tile line once.
   */
  private void foldEvicted() {
    if (!spec.deferredTiles()) {
      return;
    }
    for (int i = folded; i < start; i++) {
      long t = ts(i);
      long cents = amount(i);
      short attrs = attrs(i);
      if (spec.hourTiles() != null) {
        Tiles.add(
            spec.hourTiles(), aux, 0, (int) spec.tileIndex(WindowKind.HOUR_TILES, t), cents, attrs);
      }
      if (spec.dayTiles() != null) {
        Tiles.add(
            spec.dayTiles(),
            aux,
            spec.dayTileOffset(),
            (int) spec.tileIndex(WindowKind.DAY_TILES, t),
            cents,
            attrs);
      }
    }
    folded = start;
  }

  /** Moves the live range to index 0, doubling the arrays when they are more than half full. */
  private void makeRoom() {
    foldEvicted();
    int size = end - start;
    int capacity = capacity();
    int newCapacity = size >= capacity / 2 ? capacity * 2 : capacity;
    long[] newRows = newCapacity == capacity ? rows : new long[newCapacity * stride];
    System.arraycopy(rows, start * stride, newRows, 0, size * stride);
    rows = newRows;
    if (idColumn >= 0) {
      rebuildBloom(size);
    }
    for (int d = 0; d < distinctCount; d++) {
      shiftLo(d, -start);
    }
    start = 0;
    end = size;
    folded = 0;
  }

  /** Evicted ids leave the filter only when it is rebuilt, here, from the live ids. */
  private void rebuildBloom(int size) {
    bloom0 = 0;
    bloom1 = 0;
    for (int i = 0; i < size; i++) {
      bloomAdd(id(i));
    }
  }

  private void evictBefore(long horizon) {
    while (start < end && ts(start) < horizon) {
      baseAmount = rows[start * stride + CUM];
      lastEvictedTs = ts(start);
      start++;
    }
    if (start == end) {
      foldEvicted();
      start = 0;
      end = 0;
      folded = 0;
      for (int d = 0; d < distinctCount; d++) {
        LongMultiset.set(distinct, d, LongMultiset.LO, 0);
      }
      if (capacity() > 64) {
        allocate(INITIAL_CAPACITY);
      } else {
        rebuildBloom(0);
      }
    }
  }

  private long cumAmountBefore(int i) {
    return i == start ? baseAmount : rows[(i - 1) * stride + CUM];
  }

  /**
   * First index in {@code [start, end)} whose time is at least {@code t}.
   *
   * <p>Reads look up window edges in logs that are mostly cold in cache, so the search guesses the
   * index by interpolating between the oldest and newest times, gallops from the guess to a bracket
   * and bisects only that: a few dependent loads where a bisection of the whole log waits for one
   * miss per halving. Exact for any spread of times; the guess only decides the speed.
   */
  int lowerBound(long t) {
    if (end == start || ts(end - 1) < t) {
      return end;
    }
    long first = ts(start);
    if (first >= t) {
      return start;
    }
    int last = end - 1;
    long newest = ts(last);
    // first < t <= newest; find below < above with ts(below) < t <= ts(above)
    int guess = start + (int) ((t - first) / (double) (newest - first) * (last - start));
    int below;
    int above;
    if (ts(guess) < t) {
      below = guess;
      above = Math.min(last, guess + 1);
      for (int step = 2; ts(above) < t; step <<= 1) {
        below = above;
        above = (int) Math.min(last, (long) guess + step);
      }
    } else {
      above = guess;
      below = Math.max(start, guess - 1);
      for (int step = 2; ts(below) >= t; step <<= 1) {
        above = below;
        below = (int) Math.max(start, (long) guess - step);
      }
    }
    while (above - below > 1) {
      int mid = (below + above) >>> 1;
      if (ts(mid) < t) {
        below = mid;
      } else {
        above = mid;
      }
    }
    return above;
  }

  /** First index in {@code [start, end)} whose time is greater than {@code t}. */
  private int upperBound(long t) {
    if (end == start || ts(end - 1) <= t) {
      return end;
    }
    int lo = start;
    int hi = end;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts(mid) <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Sum of amounts in cents over indices {@code [lo, hi)}. */
  long sumCents(int lo, int hi) {
    return hi <= lo ? 0 : rows[(hi - 1) * stride + CUM] - cumAmountBefore(lo);
  }

  /**
   * Time of the newest event strictly before {@code t}, including events already evicted, or {@link
   * Long#MIN_VALUE} if none is known.
   */
  long previousTimestamp(long t) {
    return previousTimestamp(t, lowerBound(t));
  }

  /** As {@link #previousTimestamp(long)}, given {@code i = lowerBound(t)}. */
  long previousTimestamp(long t, int i) {
    if (i > start) {
      return ts(i - 1);
    }
    return lastEvictedTs < t ? lastEvictedTs : Long.MIN_VALUE;
  }

  /** Rows at or after the read time past which a read adjusts by changing the multiset. */
  private static final int FEW_AFTER = 16;

  /**
   * Distinct values of the maintained count {@code index} over {@code [t - W, t)}: the multiset
   * covers {@code [from, ∞)} for the latest window start seen, so the events at or after {@code t},
   * and any between the window's start and {@code from}, are accounted for. Costs as many events as
   * lie between the edges: a handful for reads near the newest event.
   *
   * <p>Implementation note: with few events at or after {@code t} (the usual read, at or after the
   * newest event), the adjustment only looks values up in the multiset, so the lookups of a cold
   * multiset are independent loads that overlap; otherwise it takes them out and puts them back.
   *
   * @param seen scratch space for the values added back, reset here
   */
  int maintainedDistinct(int d, long t, DistinctSet seen) {
    // A window that starts later than the maintained one moves it for good: reads mostly come at
    // or after the newest event, and each event then leaves the multiset once.
    advance(d, t - spec.distinct().get(d).windowMillis());
    int after = lowerBound(t);
    int edge = lowerBound(t - spec.distinct().get(d).windowMillis());
    int lo = (int) LongMultiset.get(distinct, d, LongMultiset.LO);
    int from = Math.max(after, lo);
    if (lo < edge || end - from > FEW_AFTER) {
      return maintainedDistinctByChanging(d, t);
    }
    int result = LongMultiset.distinct(distinct, d);
    // Events at or after t: a value all of whose held events are among them is not in the window.
    for (int i = from; i < end; i++) {
      long v = value(d, i);
      if (v != 0
          && occurrences(d, v, from, i) == 0
          && LongMultiset.count(distinct, d, v) == occurrences(d, v, from, end)) {
        result--;
      }
    }
    // Events between the window's start and the multiset's: a value the window holds nowhere else.
    int to = Math.min(lo, after);
    seen.reset(to - edge);
    for (int i = edge; i < to; i++) {
      long v = value(d, i);
      if (v != 0 && LongMultiset.count(distinct, d, v) == occurrences(d, v, from, end)) {
        int before = seen.size();
        seen.add(v, false);
        result += seen.size() - before;
      }
    }
    return result;
  }

  /** Rows in {@code [from, to)} holding {@code v} in maintained count {@code d}'s column. */
  private int occurrences(int d, long v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (value(d, i) == v) {
        n++;
      }
    }
    return n;
  }

  /** {@link #maintainedDistinct} by taking events out of the multiset and putting them back. */
  private int maintainedDistinctByChanging(int d, long t) {
    int after = lowerBound(t);
    int edge = lowerBound(t - spec.distinct().get(d).windowMillis());
    int lo = (int) LongMultiset.get(distinct, d, LongMultiset.LO);
    // Drop [after, end) and [lo, edge) when the window starts later; add [edge, lo) when earlier.
    for (int i = Math.max(after, lo); i < end; i++) {
      removeDistinct(d, value(d, i));
    }
    for (int i = lo; i < Math.min(edge, after); i++) {
      removeDistinct(d, value(d, i));
    }
    for (int i = edge; i < Math.min(lo, after); i++) {
      addDistinct(d, value(d, i));
    }
    int result = LongMultiset.distinct(distinct, d);
    for (int i = edge; i < Math.min(lo, after); i++) {
      removeDistinct(d, value(d, i));
    }
    for (int i = lo; i < Math.min(edge, after); i++) {
      addDistinct(d, value(d, i));
    }
    for (int i = Math.max(after, lo); i < end; i++) {
      addDistinct(d, value(d, i));
    }
    return result;
  }

  private long value(int d, int i) {
    return spec.distinct().get(d).ips() ? ip(i) : party(i);
  }

  /**
   * Writes this log's state; {@link #readFrom} with the same spec restores a log that answers every
   * read and takes every later event exactly as this one does.
   */
  void writeTo(StateBytes out) {
    foldEvicted(); // invisible to reads, and only live rows are written
    out.writeLong(newestTs);
    out.writeLong(lastEvictedTs);
    out.writeLong(firstTs);
    out.writeLong(baseAmount);
    out.writeInt(end - start);
    out.writeLongs(rows, start * stride, end * stride);
    out.writeInt(aux.length);
    out.writeLongs(aux, 0, aux.length);
    out.writeInt(partyCount);
    for (int d = 0; d < distinctCount; d++) {
      out.writeLong(LongMultiset.get(distinct, d, LongMultiset.FROM));
      out.writeInt((int) LongMultiset.get(distinct, d, LongMultiset.LO) - start);
    }
  }

  /** Reads a log written by {@link #writeTo} for the same spec. */
  static EventLog readFrom(DataInput in, LogSpec spec) throws IOException {
    EventLog log = new EventLog(spec);
    log.newestTs = in.readLong();
    log.lastEvictedTs = in.readLong();
    log.firstTs = in.readLong();
    log.baseAmount = in.readLong();
    int size = in.readInt();
    log.allocate(Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, size)) * 2));
    for (int i = 0; i < size * log.stride; i++) {
      log.rows[i] = in.readLong();
    }
    log.start = 0;
    log.end = size;
    long[] aux = new long[in.readInt()];
    for (int i = 0; i < aux.length; i++) {
      aux[i] = in.readLong();
    }
    log.aux = aux.length == 0 ? NO_AUX : aux;
    log.partyCount = in.readInt();
    for (int d = 0; d < log.distinctCount; d++) {
      LongMultiset.set(log.distinct, d, LongMultiset.FROM, in.readLong());
      int lo = in.readInt();
      LongMultiset.set(log.distinct, d, LongMultiset.LO, lo);
      // The multiset holds exactly the values of rows [lo, end).
      for (int i = lo; i < size; i++) {
        log.addDistinct(d, log.value(d, i));
      }
    }
    if (log.idColumn >= 0) {
      log.rebuildBloom(size);
    }
    return log;
  }

  /** Approximate retained bytes, for memory reports. */
  long footprint() {
    long bytes = 96 + 16 + rows.length * 8L;
    if (aux.length > 0) {
      bytes += 16 + aux.length * 8L;
    }
    if (distinct != null) {
      bytes += LongMultiset.footprint(distinct);
    }
    return bytes;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("EventLog[");
    for (int i = start; i < end; i++) {
      s.append(i == start ? "" : ", ").append(ts(i));
    }
    return s.append("] newest=").append(newestTs).toString();
  }
}

package io.amlmonitor.core.feature;

import java.util.Arrays;

/**
 * The retained events of one flow of one entity, sorted by event time, in primitive columns with a
 * prefix sum of amounts, so that any exact window {@code [t - W, t)} can be evaluated at any read
 * time {@code t}; plus, as its {@link LogSpec} asks, tiles for long windows, a memory of the
 * parties dealt with, and maintained distinct counts.
 *
 * <p>Implementation note: events live in {@code [start, end)} of arrays that grow by doubling and
 * compact when the evicted prefix is at least half of them, so appends and evictions are O(1)
 * amortised. An out-of-order event (within the allowed lateness) is inserted at its place, shifting
 * the few newer events and their prefix sums. Prefix sums make counts and sums two binary searches
 * and one subtraction; cents keep them exact. Columns a flow does not need (IPs, transaction ids)
 * are never allocated. Not thread-safe: the store guards each entity.
 */
public final class EventLog {
  private static final int INITIAL_CAPACITY = 4;

  private final LogSpec spec;
  long[] ts;
  long[] amount;
  long[] party;

  /** Null when the spec keeps no IPs, or before the first event with one. */
  long[] ip;

  private long[] txId;
  short[] attrs;
  private long[] cumAmount;

  int start;
  int end;
  private long baseAmount;

  private long newestTs = Long.MIN_VALUE;
  private long lastEvictedTs = Long.MIN_VALUE;
  private long firstTs = Long.MAX_VALUE;

  final Tiles hourTiles;
  final Tiles dayTiles;
  final PartyMemory parties;
  private final MaintainedDistinct[] distinct;

  /** The outcome of offering an event to a log. */
  public enum Placement {
    /** Placed in its windows. */
    ACCEPTED,
    /** A transaction id already in the log: counted once, so not again. */
    DUPLICATE,
    /** Older than the newest event minus the allowed lateness: left out of the windows. */
    LATE
  }

  /** A distinct count over the window ending at the newest event, kept up to date on ingest. */
  private static final class MaintainedDistinct {
    final long window;
    final boolean ips;
    final LongMultiset values = new LongMultiset();

    /** Events at or after {@code from} are in {@code values}; index {@code lo} is the first. */
    long from = Long.MIN_VALUE;

    int lo;

    MaintainedDistinct(LogSpec.DistinctSpec spec) {
      this.window = spec.windowMillis();
      this.ips = spec.ips();
    }
  }

  EventLog(LogSpec spec) {
    this.spec = spec;
    allocate(INITIAL_CAPACITY);
    this.hourTiles = spec.hourTiles() == null ? null : new Tiles(spec.hourTiles());
    this.dayTiles = spec.dayTiles() == null ? null : new Tiles(spec.dayTiles());
    this.parties = spec.partyMemory() ? new PartyMemory() : null;
    this.distinct = new MaintainedDistinct[spec.distinct().size()];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = new MaintainedDistinct(spec.distinct().get(i));
    }
  }

  private void allocate(int capacity) {
    ts = new long[capacity];
    amount = new long[capacity];
    party = new long[capacity];
    ip = null;
    txId = spec.dedup() ? new long[capacity] : null;
    attrs = new short[capacity];
    cumAmount = new long[capacity];
  }

  /** Number of retained events. */
  public int size() {
    return end - start;
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
   */
  Placement add(
      long t, long cents, long ipHash, long partyHash, long idHash, short eventAttrs, long day) {
    if (txId != null && idHash != 0 && containsId(idHash)) {
      return Placement.DUPLICATE;
    }
    if (newestTs != Long.MIN_VALUE && t < newestTs - spec.latenessMillis()) {
      return Placement.LATE;
    }
    long ipValue = spec.keepIps() ? ipHash : 0;
    if (ipValue != 0 && ip == null) {
      ip = new long[ts.length];
    }
    int at = upperBound(t);
    at = insertAt(at, t, cents, ipValue, partyHash, idHash, eventAttrs);
    for (MaintainedDistinct d : distinct) {
      if (t < d.from) {
        d.lo++;
      } else {
        d.values.add(d.ips ? ipValue : partyHash);
      }
    }
    if (hourTiles != null) {
      hourTiles.add((int) Math.floorDiv(t, WindowKind.HOUR), cents, eventAttrs);
    }
    if (dayTiles != null) {
      dayTiles.add((int) day, cents, eventAttrs);
    }
    if (parties != null) {
      parties.observe(partyHash, t, Math.max(t, newestTs));
    }
    firstTs = Math.min(firstTs, t);
    if (t > newestTs) {
      newestTs = t;
      for (MaintainedDistinct d : distinct) {
        advance(d, t - d.window);
      }
      evictBefore(newestTs - spec.retentionMillis());
    }
    return Placement.ACCEPTED;
  }

  private void advance(MaintainedDistinct d, long from) {
    while (d.lo < end && ts[d.lo] < from) {
      d.values.remove(d.ips ? ipAt(d.lo) : party[d.lo]);
      d.lo++;
    }
    d.from = from;
  }

  private boolean containsId(long idHash) {
    for (int i = start; i < end; i++) {
      if (txId[i] == idHash) {
        return true;
      }
    }
    return false;
  }

  /** Inserts at {@code at} and returns where the event landed (arrays may have been compacted). */
  private int insertAt(
      int at, long t, long cents, long ipHash, long partyHash, long idHash, short eventAttrs) {
    if (end == ts.length) {
      int shift = start;
      makeRoom();
      at -= shift;
    }
    int tail = end - at;
    if (tail > 0) {
      System.arraycopy(ts, at, ts, at + 1, tail);
      System.arraycopy(amount, at, amount, at + 1, tail);
      System.arraycopy(party, at, party, at + 1, tail);
      if (ip != null) {
        System.arraycopy(ip, at, ip, at + 1, tail);
      }
      if (txId != null) {
        System.arraycopy(txId, at, txId, at + 1, tail);
      }
      System.arraycopy(attrs, at, attrs, at + 1, tail);
      System.arraycopy(cumAmount, at, cumAmount, at + 1, tail);
    }
    end++;
    ts[at] = t;
    amount[at] = cents;
    party[at] = partyHash;
    if (ip != null) {
      ip[at] = ipHash;
    }
    if (txId != null) {
      txId[at] = idHash;
    }
    attrs[at] = eventAttrs;
    cumAmount[at] = cumAmountBefore(at) + cents;
    for (int i = at + 1; i < end; i++) {
      cumAmount[i] += cents;
    }
    return at;
  }

  /** Moves the live range to index 0, doubling the arrays when they are more than half full. */
  private void makeRoom() {
    int size = end - start;
    int capacity = ts.length;
    int newCapacity = size >= capacity / 2 ? capacity * 2 : capacity;
    ts = moved(ts, newCapacity, size);
    amount = moved(amount, newCapacity, size);
    party = moved(party, newCapacity, size);
    ip = ip == null ? null : moved(ip, newCapacity, size);
    txId = txId == null ? null : moved(txId, newCapacity, size);
    cumAmount = moved(cumAmount, newCapacity, size);
    short[] newAttrs = new short[newCapacity];
    System.arraycopy(attrs, start, newAttrs, 0, size);
    attrs = newAttrs;
    for (MaintainedDistinct d : distinct) {
      d.lo -= start;
    }
    start = 0;
    end = size;
  }

  private long[] moved(long[] column, int newCapacity, int size) {
    long[] target = newCapacity == column.length ? column : new long[newCapacity];
    System.arraycopy(column, start, target, 0, size);
    return target;
  }

  private void evictBefore(long horizon) {
    while (start < end && ts[start] < horizon) {
      baseAmount = cumAmount[start];
      lastEvictedTs = ts[start];
      start++;
    }
    if (start == end) {
      start = 0;
      end = 0;
      for (MaintainedDistinct d : distinct) {
        d.lo = 0;
      }
      if (ts.length > 64) {
        allocate(INITIAL_CAPACITY);
      }
    }
  }

  private long cumAmountBefore(int i) {
    return i == start ? baseAmount : cumAmount[i - 1];
  }

  long ipAt(int i) {
    return ip == null ? 0 : ip[i];
  }

  /** First index in {@code [start, end)} whose time is at least {@code t}. */
  int lowerBound(long t) {
    if (end == start || ts[end - 1] < t) {
      return end;
    }
    int lo = start;
    int hi = end;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index in {@code [start, end)} whose time is greater than {@code t}. */
  private int upperBound(long t) {
    if (end == start || ts[end - 1] <= t) {
      return end;
    }
    int lo = start;
    int hi = end;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Sum of amounts in cents over indices {@code [lo, hi)}. */
  long sumCents(int lo, int hi) {
    return hi <= lo ? 0 : cumAmount[hi - 1] - cumAmountBefore(lo);
  }

  /**
   * Time of the newest event strictly before {@code t}, including events already evicted, or {@link
   * Long#MIN_VALUE} if none is known.
   */
  long previousTimestamp(long t) {
    int i = lowerBound(t);
    if (i > start) {
      return ts[i - 1];
    }
    return lastEvictedTs < t ? lastEvictedTs : Long.MIN_VALUE;
  }

  /**
   * Distinct values of the maintained count {@code index} over {@code [t - W, t)}: the multiset
   * covers {@code [newest - W, ∞)}, so the events between the two windows' edges are taken out or
   * put in, counted, and put back. Costs as many events as lie between the edges: a handful for a
   * read at the live edge.
   */
  int maintainedDistinct(int index, long t) {
    MaintainedDistinct d = distinct[index];
    long from = t - d.window;
    int after = lowerBound(t);
    int edge = lowerBound(from);
    int lo = d.lo;
    // Adjust: drop [after, end) and [lo, edge) when the window starts later; add [edge, lo) when
    // it starts earlier.
    for (int i = after; i < end; i++) {
      if (i >= lo) {
        d.values.remove(value(d, i));
      }
    }
    for (int i = lo; i < Math.min(edge, after); i++) {
      d.values.remove(value(d, i));
    }
    for (int i = edge; i < Math.min(lo, after); i++) {
      d.values.add(value(d, i));
    }
    int result = d.values.distinct();
    for (int i = edge; i < Math.min(lo, after); i++) {
      d.values.remove(value(d, i));
    }
    for (int i = lo; i < Math.min(edge, after); i++) {
      d.values.add(value(d, i));
    }
    for (int i = after; i < end; i++) {
      if (i >= lo) {
        d.values.add(value(d, i));
      }
    }
    return result;
  }

  private long value(MaintainedDistinct d, int i) {
    return d.ips ? ipAt(i) : party[i];
  }

  /** Approximate retained bytes, for memory reports. */
  long footprint() {
    long bytes = 96 + 6 * 16L + ts.length * (8L * 4 + 2);
    if (ip != null) {
      bytes += 16 + ip.length * 8L;
    }
    if (txId != null) {
      bytes += 16 + txId.length * 8L;
    }
    if (hourTiles != null) {
      bytes += hourTiles.footprint();
    }
    if (dayTiles != null) {
      bytes += dayTiles.footprint();
    }
    if (parties != null) {
      bytes += parties.footprint();
    }
    for (MaintainedDistinct d : distinct) {
      bytes += 48 + d.values.footprint();
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "EventLog" + Arrays.toString(Arrays.copyOfRange(ts, start, end)) + " newest=" + newestTs;
  }
}

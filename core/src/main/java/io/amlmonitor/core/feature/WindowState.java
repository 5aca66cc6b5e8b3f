package io.amlmonitor.core.feature;

import java.util.Arrays;

/**
 * The retained events of one entity, sorted by event time, in primitive columns with prefix sums,
 * so that any window {@code [t - W, t)} can be evaluated at any read time {@code t}.
 *
 * <p>Implementation note: events live in {@code [start, end)} of arrays that grow by doubling and
 * compact when the evicted prefix is at least half of them, so appends and evictions are O(1)
 * amortised. An out-of-order event (within the allowed lateness) is inserted at its place, shifting
 * the few newer events and their prefix sums. Prefix sums make counts and sums two binary searches
 * and one subtraction; cents keep them exact. Not thread-safe: the store guards each state.
 */
public final class WindowState {
  static final int FLAG_NIGHT = 0;
  static final int FLAG_WEEKEND = 1;
  static final int FLAG_NEAR_THRESHOLD = 2;
  static final int FLAG_COUNT = 3;

  private static final int INITIAL_CAPACITY = 4;

  long[] ts;
  long[] amount;
  long[] ip;
  long[] party;
  private long[] txId;
  private byte[] flags;
  private long[] cumAmount;
  private int[][] cumFlags;

  int start;
  int end;
  private long baseAmount;
  private final int[] baseFlags = new int[FLAG_COUNT];

  private long newestTs = Long.MIN_VALUE;
  private long lastEvictedTs = Long.MIN_VALUE;

  /** The outcome of offering an event to a state. */
  public enum Placement {
    /** Placed in its windows. */
    ACCEPTED,
    /** A transaction id already in the state: counted once, so not again. */
    DUPLICATE,
    /** Older than the newest event minus the allowed lateness: left out of the windows. */
    LATE
  }

  public WindowState() {
    allocate(INITIAL_CAPACITY);
  }

  private void allocate(int capacity) {
    ts = new long[capacity];
    amount = new long[capacity];
    ip = new long[capacity];
    party = new long[capacity];
    txId = new long[capacity];
    flags = new byte[capacity];
    cumAmount = new long[capacity];
    cumFlags = new int[FLAG_COUNT][capacity];
  }

  /** Number of retained events. */
  public int size() {
    return end - start;
  }

  /** Event time of the newest event ever accepted, or {@link Long#MIN_VALUE} if none. */
  public long newestTimestamp() {
    return newestTs;
  }

  /**
   * Offers one event.
   *
   * @param idHash hash of the transaction id, 0 to skip de-duplication
   * @param flagBits bit {@code 1 << FLAG_x} for each flag the event has
   * @param lateness how far behind the newest event it may be, in ms
   * @param retention how long events are kept behind the newest, in ms (at least the longest window
   *     plus the lateness)
   */
  Placement add(
      long t,
      long cents,
      long ipHash,
      long partyHash,
      long idHash,
      int flagBits,
      long lateness,
      long retention) {
    if (idHash != 0 && containsId(idHash)) {
      return Placement.DUPLICATE;
    }
    if (newestTs != Long.MIN_VALUE && t < newestTs - lateness) {
      return Placement.LATE;
    }
    int at = upperBound(t);
    insertAt(at, t, cents, ipHash, partyHash, idHash, (byte) flagBits);
    if (t > newestTs) {
      newestTs = t;
      evictBefore(newestTs - retention);
    }
    return Placement.ACCEPTED;
  }

  private boolean containsId(long idHash) {
    for (int i = start; i < end; i++) {
      if (txId[i] == idHash) {
        return true;
      }
    }
    return false;
  }

  private void insertAt(
      int at, long t, long cents, long ipHash, long partyHash, long idHash, byte flagBits) {
    if (end == ts.length) {
      int shift = start;
      makeRoom();
      at -= shift;
    }
    int tail = end - at;
    if (tail > 0) {
      System.arraycopy(ts, at, ts, at + 1, tail);
      System.arraycopy(amount, at, amount, at + 1, tail);
      System.arraycopy(ip, at, ip, at + 1, tail);
      System.arraycopy(party, at, party, at + 1, tail);
      System.arraycopy(txId, at, txId, at + 1, tail);
      System.arraycopy(flags, at, flags, at + 1, tail);
      System.arraycopy(cumAmount, at, cumAmount, at + 1, tail);
      for (int f = 0; f < FLAG_COUNT; f++) {
        System.arraycopy(cumFlags[f], at, cumFlags[f], at + 1, tail);
      }
    }
    end++;
    ts[at] = t;
    amount[at] = cents;
    ip[at] = ipHash;
    party[at] = partyHash;
    txId[at] = idHash;
    flags[at] = flagBits;
    cumAmount[at] = cumAmountBefore(at) + cents;
    for (int f = 0; f < FLAG_COUNT; f++) {
      cumFlags[f][at] = cumFlagBefore(f, at) + ((flagBits >>> f) & 1);
    }
    for (int i = at + 1; i < end; i++) {
      cumAmount[i] += cents;
      for (int f = 0; f < FLAG_COUNT; f++) {
        cumFlags[f][i] += (flagBits >>> f) & 1;
      }
    }
  }

  /** Moves the live range to index 0, doubling the arrays when they are more than half full. */
  private void makeRoom() {
    int size = end - start;
    int capacity = ts.length;
    int newCapacity = size >= capacity / 2 ? capacity * 2 : capacity;
    ts = moved(ts, newCapacity, size);
    amount = moved(amount, newCapacity, size);
    ip = moved(ip, newCapacity, size);
    party = moved(party, newCapacity, size);
    txId = moved(txId, newCapacity, size);
    cumAmount = moved(cumAmount, newCapacity, size);
    byte[] newFlags = new byte[newCapacity];
    System.arraycopy(flags, start, newFlags, 0, size);
    flags = newFlags;
    for (int f = 0; f < FLAG_COUNT; f++) {
      int[] column = new int[newCapacity];
      System.arraycopy(cumFlags[f], start, column, 0, size);
      cumFlags[f] = column;
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
      for (int f = 0; f < FLAG_COUNT; f++) {
        baseFlags[f] = cumFlags[f][start];
      }
      lastEvictedTs = ts[start];
      start++;
    }
    if (start == end) {
      start = 0;
      end = 0;
      if (ts.length > 64) {
        allocate(INITIAL_CAPACITY);
      }
    }
  }

  private long cumAmountBefore(int i) {
    return i == start ? baseAmount : cumAmount[i - 1];
  }

  private int cumFlagBefore(int flag, int i) {
    return i == start ? baseFlags[flag] : cumFlags[flag][i - 1];
  }

  /** First index in {@code [start, end)} whose time is at least {@code t}. */
  int lowerBound(long t) {
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

  /** Events with {@code flag} over indices {@code [lo, hi)}. */
  int flagCount(int flag, int lo, int hi) {
    return hi <= lo ? 0 : cumFlags[flag][hi - 1] - cumFlagBefore(flag, lo);
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

  @Override
  public String toString() {
    return "WindowState"
        + Arrays.toString(Arrays.copyOfRange(ts, start, end))
        + " newest="
        + newestTs;
  }
}

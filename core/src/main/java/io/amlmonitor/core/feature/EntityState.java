package io.amlmonitor.core.feature;

import java.util.Objects;

/**
 * Everything the engine keeps about one entity: a log per flow, created when the flow first sees an
 * event. Not thread-safe: the store guards each entity.
 */
public final class EntityState {
  private static final int PACKED_CHARS = 12;

  private final String id;

  /**
   * The id's first twelve characters, four to a word, so that matching it reads no other object.
   */
  private final long key0;

  private final long key1;
  private final long key2;
  private final int keyLength;

  private EventLog outgoing;
  private EventLog incoming;

  public EntityState(String id) {
    this.id = Objects.requireNonNull(id, "id");
    this.keyLength = id.length();
    this.key0 = pack(id, 0);
    this.key1 = pack(id, 4);
    this.key2 = pack(id, 8);
  }

  public String id() {
    return id;
  }

  /** Whether this is the state of {@code candidate}. */
  boolean hasId(String candidate) {
    if (candidate.length() != keyLength) {
      return false;
    }
    if (keyLength > PACKED_CHARS) {
      return id.equals(candidate);
    }
    return pack(candidate, 0) == key0 && pack(candidate, 4) == key1 && pack(candidate, 8) == key2;
  }

  private static long pack(String s, int from) {
    long w = 0;
    int to = Math.min(s.length(), from + 4);
    for (int i = from, shift = 0; i < to; i++, shift += 16) {
      w |= (long) s.charAt(i) << shift;
    }
    return w;
  }

  /** The log of {@code direction}, or null when that flow has seen nothing. */
  EventLog log(Direction direction) {
    return direction == Direction.OUTGOING ? outgoing : incoming;
  }

  EventLog logOrCreate(Direction direction, LogSpec spec) {
    if (direction == Direction.OUTGOING) {
      if (outgoing == null) {
        outgoing = new EventLog(spec);
      }
      return outgoing;
    }
    if (incoming == null) {
      incoming = new EventLog(spec);
    }
    return incoming;
  }

  /** Puts a log read back from storage in place of the flow's current one. */
  void restore(Direction direction, EventLog log) {
    if (direction == Direction.OUTGOING) {
      outgoing = log;
    } else {
      incoming = log;
    }
  }

  /** Approximate retained bytes, for memory reports. */
  public long footprint() {
    long bytes = 56;
    if (outgoing != null) {
      bytes += outgoing.footprint();
    }
    if (incoming != null) {
      bytes += incoming.footprint();
    }
    return bytes;
  }
}

package io.amlmonitor.core.feature;

/**
 * Everything the engine keeps about one entity: a log per flow, created when the flow first sees an
 * event. Not thread-safe: the store guards each entity.
 */
public final class EntityState {
  private EventLog outgoing;
  private EventLog incoming;

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

  /** Approximate retained bytes, for memory reports. */
  public long footprint() {
    long bytes = 24;
    if (outgoing != null) {
      bytes += outgoing.footprint();
    }
    if (incoming != null) {
      bytes += incoming.footprint();
    }
    return bytes;
  }
}

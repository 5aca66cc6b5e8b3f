package io.amlmonitor.core.feature;

/**
 * Everything the engine keeps about one entity: a log per flow, created when the flow first sees an
 * event. Not thread-safe: the store guards each entity.
 */
public final class EntityState {
  private final EventLog[] logs = new EventLog[2];

  /** The log of {@code direction}, or null when that flow has seen nothing. */
  EventLog log(Direction direction) {
    return logs[direction.log()];
  }

  EventLog logOrCreate(Direction direction, LogSpec spec) {
    int i = direction.log();
    if (logs[i] == null) {
      logs[i] = new EventLog(spec);
    }
    return logs[i];
  }

  /** Approximate retained bytes, for memory reports. */
  public long footprint() {
    long bytes = 16 + 24;
    for (EventLog log : logs) {
      if (log != null) {
        bytes += log.footprint();
      }
    }
    return bytes;
  }
}

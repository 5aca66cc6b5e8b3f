package io.amlmonitor.app;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "now" of a replayed stream: the newest event time seen so far. When the demo replays weeks of
 * history in a minute, the API reads features against this clock, so that windows mean what they
 * would have meant at that point of the history.
 */
final class StreamClock implements InstantSource {
  private final AtomicLong newest;

  StreamClock(Instant start) {
    this.newest = new AtomicLong(start.toEpochMilli());
  }

  void advanceTo(Instant eventTime) {
    newest.accumulateAndGet(eventTime.toEpochMilli(), Math::max);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(newest.get());
  }
}

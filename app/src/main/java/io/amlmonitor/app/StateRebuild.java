package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.TransactionRepository;
import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds feature state after a start or a crash by replaying the system of record through the
 * engine, oldest first: every transaction that was acknowledged is in the journal, so the windows
 * come back as a process that never stopped would hold them.
 */
final class StateRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(StateRebuild.class);

  /** Older than any transaction the system keeps: the replay starts at the beginning. */
  static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");

  private StateRebuild() {}

  /**
   * Passes every transaction the journal received since {@code receivedFrom} to {@code apply}
   * (which adds it to feature state), oldest event first, with a progress line on {@code out} while
   * it runs.
   *
   * @return how many transactions were replayed
   */
  static long run(
      TransactionRepository journal,
      Consumer<Transaction> apply,
      Instant receivedFrom,
      PrintStream out) {
    long started = System.nanoTime();
    StatusLine status = new StatusLine(out);
    long[] done = {0};
    long n =
        journal.forEachReceivedSince(
            receivedFrom,
            t -> {
              apply.accept(t);
              if ((++done[0] & 1023) == 0) {
                status.showEvery(
                    () ->
                        String.format(
                            "  rebuilding feature state: %,d transactions replayed", done[0]));
              }
            });
    status.end();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (n > 0) {
      LOG.info(
          "Rebuilt feature state from {} stored transactions in {} s ({} per second)",
          n,
          String.format("%.1f", seconds),
          Math.round(n / Math.max(seconds, 1e-9)));
    }
    return n;
  }
}

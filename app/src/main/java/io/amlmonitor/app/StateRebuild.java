package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.TransactionRepository;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
   * (which adds it to feature state), oldest event first, printing a progress line each second on
   * {@code out} while it runs.
   *
   * @return how many transactions were replayed
   */
  static long run(
      TransactionRepository journal,
      Consumer<Transaction> apply,
      Instant receivedFrom,
      PrintStream out) {
    long started = System.nanoTime();
    LongAdder done = new LongAdder();
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rebuild-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(
        () -> out.printf("  rebuilding feature state: %,d transactions replayed%n", done.sum()),
        1,
        1,
        TimeUnit.SECONDS);
    long n;
    try {
      n =
          journal.forEachReceivedSince(
              receivedFrom,
              t -> {
                apply.accept(t);
                done.increment();
              });
    } finally {
      ticker.shutdownNow();
    }
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

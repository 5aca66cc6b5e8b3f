package io.amlmonitor.core.flow;

import io.amlmonitor.core.store.StoreUnavailableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a store call again while the store is away, with back-off, up to a limit: a flow waits out a
 * restart of its database instead of failing a run of hours.
 */
final class StoreRetry {
  private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);
  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final Duration giveUpAfter;
  private final FlowStats stats;

  StoreRetry(Duration giveUpAfter, FlowStats stats) {
    this.giveUpAfter = giveUpAfter;
    this.stats = stats;
  }

  /**
   * The result of {@code call}, tried until it succeeds or the store has been away longer than the
   * limit.
   *
   * @throws StoreUnavailableException the last failure, once the limit has passed
   */
  <T> T call(String what, Supplier<T> call) {
    long started = System.nanoTime();
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      try {
        return call.get();
      } catch (StoreUnavailableException e) {
        stats.storeError(true);
        if (System.nanoTime() - started > giveUpAfter.toNanos()) {
          throw e;
        }
        LOG.warn("{}: store unavailable ({}); retrying in {} ms", what, e.getMessage(), pause);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
      }
    }
  }
}

package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.core.store.StoreException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records decisions in the system of record off the scoring path: decisions queue here and a writer
 * thread stores them in batches. When the store is away, the writer keeps its batch and tries again
 * with growing pauses, so an outage delays decisions instead of losing them; only if the queue
 * overflows during a long outage are decisions dropped, and they are counted.
 *
 * <p>Decisions are derived data: the transaction itself was made durable by the {@link
 * TransactionJournal} before it was scored.
 */
public final class DecisionRecorder implements Consumer<Decision>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private final DecisionRepository repository;
  private final InstantSource clock;
  private final int maxBatch;
  private final BlockingQueue<Outcome> queue;
  private volatile long batchSince = Long.MAX_VALUE;
  private final Thread writer;
  private final LongAdder recorded = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private volatile String lastError;
  private volatile boolean closing;

  /**
   * A decision, the alert it raised (or null), and when it was queued ({@link System#nanoTime}).
   */
  private record Outcome(DecisionRecord decision, Alert alert, long queuedNanos) {}

  private volatile long stopBy;

  /**
   * @param clock processing time: when each decision was made
   * @param capacity most decisions waiting to be written
   */
  public DecisionRecorder(
      DecisionRepository repository, InstantSource clock, int maxBatch, int capacity) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxBatch < 1 || capacity < 1) {
      throw new IllegalArgumentException("maxBatch and capacity must be positive");
    }
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::run, "decision-recorder");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void accept(Decision d) {
    Outcome o =
        new Outcome(
            DecisionRecord.of(d, clock.instant()), d.raisedAlert().orElse(null), System.nanoTime());
    if (!queue.offer(o)) {
      dropped.increment();
    }
  }

  /**
   * When the oldest decision not yet written was queued ({@link System#nanoTime}), or empty when
   * all are written.
   */
  public OptionalLong oldestPendingNanos() {
    long oldest = batchSince;
    Outcome head = queue.peek();
    if (head != null) {
      oldest = Math.min(oldest, head.queuedNanos());
    }
    return oldest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(oldest);
  }

  private void run() {
    List<Outcome> batch = new ArrayList<>(maxBatch);
    List<DecisionRecord> decisions = new ArrayList<>(maxBatch);
    List<Alert> alerts = new ArrayList<>();
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        if (batch.isEmpty()) {
          Outcome first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (closing) {
              return;
            }
            continue;
          }
          batchSince = first.queuedNanos();
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
          decisions.clear();
          alerts.clear();
          for (Outcome o : batch) {
            decisions.add(o.decision());
            if (o.alert() != null) {
              alerts.add(o.alert());
            }
          }
        }
        repository.saveAll(decisions, alerts);
        recorded.add(batch.size());
        batch.clear();
        batchSince = Long.MAX_VALUE;
        if (lastError != null) {
          LOG.info("Decisions are being recorded again");
          lastError = null;
        }
        pause = FIRST_PAUSE;
      } catch (InterruptedException e) {
        return;
      } catch (StoreException e) {
        if (lastError == null) {
          LOG.warn("Cannot record decisions, will retry: {}", e.getMessage());
        }
        lastError = e.getMessage();
        if (closing && System.nanoTime() > stopBy) {
          LOG.error(
              "Stopping with {} decisions not recorded: {}",
              batch.size() + queue.size(),
              e.getMessage());
          return;
        }
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException stop) {
          return;
        }
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
                ? LONGEST_PAUSE
                : pause.multipliedBy(2);
      }
    }
  }

  /** Decisions stored so far. */
  public long recordedCount() {
    return recorded.sum();
  }

  /** Decisions dropped because the queue was full during an outage. */
  public long droppedCount() {
    return dropped.sum();
  }

  /** Decisions waiting to be written. */
  public int backlog() {
    return queue.size();
  }

  /** Why the last write failed, or null when writes succeed. */
  public String lastError() {
    return lastError;
  }

  /** Writes what is queued (waiting up to {@code timeout}), then stops. */
  public void flushAndStop(Duration timeout) {
    stopBy = System.nanoTime() + timeout.toNanos();
    closing = true;
    try {
      writer.join(Math.max(1, timeout.toMillis() + 100));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.interrupt();
  }

  @Override
  public void close() {
    flushAndStop(Duration.ofSeconds(5));
  }
}

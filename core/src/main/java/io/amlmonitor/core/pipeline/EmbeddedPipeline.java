package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.StoreUnavailableException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The in-process event log of the embedded default: transactions wait in bounded queues, one per
 * partition, and one worker per partition runs the {@link TransactionProcessor}. Partitioning by
 * customer keeps each customer's transactions in order, as Kafka partitions do in the distributed
 * mode.
 *
 * <p>Back-pressure: when a partition's queue is full, {@link #submit} waits and {@link #offer}
 * gives up after its timeout, so a fast producer slows down instead of exhausting memory. A
 * transaction whose processing fails goes to the dead-letter sink with the reason, and the worker
 * moves on.
 */
public final class EmbeddedPipeline implements AutoCloseable {
  private static final Transaction POISON = null;

  private final TransactionProcessor processor;
  private final Consumer<Decision> decisions;
  private final DeadLetterSink deadLetters;
  private final InstantSource clock;
  private final List<BlockingQueue<Item>> queues = new ArrayList<>();
  private final List<Thread> workers = new ArrayList<>();
  private final LongAdder processed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder stalled = new LongAdder();

  /** Per partition, when the item its worker is processing was queued; MAX_VALUE when idle. */
  private final AtomicLongArray inProcessSince;

  private volatile boolean closed;

  /** A queued transaction and when it was queued, to measure time in the pipeline. */
  private record Item(Transaction transaction, long queuedNanos) {}

  /**
   * Starts the workers.
   *
   * @param partitions number of queues and worker threads, at least 1
   * @param capacity bound of each queue
   * @param decisions receives every decision, on the worker thread (keep it quick)
   */
  public EmbeddedPipeline(
      TransactionProcessor processor,
      int partitions,
      int capacity,
      Consumer<Decision> decisions,
      DeadLetterSink deadLetters,
      InstantSource clock) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
    }
    this.processor = Objects.requireNonNull(processor, "processor");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.inProcessSince = new AtomicLongArray(partitions);
    for (int i = 0; i < partitions; i++) {
      inProcessSince.set(i, Long.MAX_VALUE);
    }
    for (int i = 0; i < partitions; i++) {
      BlockingQueue<Item> queue = new ArrayBlockingQueue<>(capacity);
      queues.add(queue);
      int partition = i;
      Thread worker = new Thread(() -> work(partition, queue), "pipeline-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  private BlockingQueue<Item> queueFor(Transaction t) {
    int h = t.customerId().value().hashCode();
    return queues.get(Math.floorMod(h ^ (h >>> 16), queues.size()));
  }

  /** Queues {@code t}, waiting while its partition is full. */
  public void submit(Transaction t) throws InterruptedException {
    ensureOpen();
    queueFor(t).put(new Item(Objects.requireNonNull(t, "transaction"), System.nanoTime()));
  }

  /**
   * Queues {@code t} if its partition has room within {@code timeout}.
   *
   * @return false when the pipeline stayed full: the caller should slow down or answer "busy"
   */
  public boolean offer(Transaction t, Duration timeout) throws InterruptedException {
    ensureOpen();
    return queueFor(t)
        .offer(
            new Item(Objects.requireNonNull(t, "transaction"), System.nanoTime()),
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  /** Whether {@code t}'s partition has room now (a hint: others may fill it meanwhile). */
  public boolean hasRoom(Transaction t) {
    return queueFor(t).remainingCapacity() > 0;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the pipeline is closed");
    }
  }

  /**
   * When the oldest transaction still queued or being processed was queued ({@link
   * System#nanoTime()}), or empty when there is none: everything queued before it is done.
   */
  public java.util.OptionalLong oldestPendingNanos() {
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < queues.size(); i++) {
      // An item being handed from the queue to its worker is seen in neither for a moment; callers
      // that replay from this instant leave a margin for that.
      long working = inProcessSince.get(i);
      Item head = queues.get(i).peek();
      oldest = Math.min(oldest, working);
      if (head != null) {
        oldest = Math.min(oldest, head.queuedNanos());
      }
    }
    return oldest == Long.MAX_VALUE
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(oldest);
  }

  private void work(int partition, BlockingQueue<Item> queue) {
    while (true) {
      Item item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (item.transaction() == POISON) {
        return;
      }
      inProcessSince.set(partition, item.queuedNanos());
      boolean carryOn = processUntilStored(item);
      inProcessSince.set(partition, Long.MAX_VALUE);
      if (!carryOn) {
        return;
      }
    }
  }

  /**
   * Processes one item. A store that is away (the alert store, a shared feature store) is waited
   * for, with growing pauses, instead of dead-lettering the transaction: it was already accepted,
   * and its partition stalls until the store is back, which fills the queue and turns new requests
   * away with "busy". Any other failure sends the transaction to the dead letters.
   *
   * @return false when interrupted
   */
  private boolean processUntilStored(Item item) {
    long pauseMillis = 50;
    while (true) {
      try {
        Decision d = processor.process(item.transaction());
        processed.increment();
        decisions.accept(
            new Decision(
                d.transaction(),
                d.assessment(),
                d.placement(),
                d.alert(),
                System.nanoTime() - item.queuedNanos(),
                d.network()));
        return true;
      } catch (StoreUnavailableException e) {
        stalled.increment();
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException stop) {
          return false;
        }
        pauseMillis = Math.min(pauseMillis * 2, 2_000);
      } catch (RuntimeException e) {
        failed.increment();
        deadLetters.accept(
            new DeadLetter(
                item.transaction().toString(), "pipeline", String.valueOf(e), clock.instant()));
        return true;
      }
    }
  }

  /** How many times processing waited for a store that was away. */
  public long stalledCount() {
    return stalled.sum();
  }

  /** Transactions waiting in the queues. */
  public int queued() {
    return queues.stream().mapToInt(BlockingQueue::size).sum();
  }

  public long processedCount() {
    return processed.sum();
  }

  public long failedCount() {
    return failed.sum();
  }

  public int partitions() {
    return queues.size();
  }

  /** Processes what is queued, then stops the workers; waits up to {@code timeout}. */
  public void drainAndStop(Duration timeout) throws InterruptedException {
    closed = true;
    for (BlockingQueue<Item> q : queues) {
      q.put(new Item(POISON, 0));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread w : workers) {
      w.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }

  /** Stops the workers at once; queued transactions are not processed. */
  @Override
  public void close() {
    closed = true;
    workers.forEach(Thread::interrupt);
  }
}

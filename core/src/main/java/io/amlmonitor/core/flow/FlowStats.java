package io.amlmonitor.core.flow;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What a flow is doing, updated as it works and read by progress lines and metrics from other
 * threads. Counts only grow within a run.
 */
public final class FlowStats {
  private final AtomicLong expected = new AtomicLong();
  private final LongAdder read = new LongAdder();
  private final LongAdder processed = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder flagged = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder storeErrors = new LongAdder();
  private final LongAdder storeTimeouts = new LongAdder();
  private final LongAdder workerCrashes = new LongAdder();
  private final LongAdder storeWrites = new LongAdder();
  private final LongAdder storeWriteNanos = new LongAdder();
  private final LongAdder processingNanos = new LongAdder();
  private final AtomicInteger busyWorkers = new AtomicInteger();
  private volatile int workers;
  private volatile IntSupplier queued = () -> 0;
  private final ThreadAllocations allocations = new ThreadAllocations();

  /** How many items the run expects to read in all, for a progress bar (0 when unknown). */
  public long expected() {
    return expected.get();
  }

  /** Items read from the store so far (warm-up included). */
  public long read() {
    return read.sum();
  }

  /** Items finished: scored and stored, or fed to the windows only. */
  public long processed() {
    return processed.sum();
  }

  /** Records the run stored that were not there before. */
  public long written() {
    return written.sum();
  }

  /** Items that reached the flow's threshold (alert candidates, high ratings, alerts). */
  public long flagged() {
    return flagged.sum();
  }

  /** Items the flow could not process and skipped, with the reason in the log. */
  public long failed() {
    return failed.sum();
  }

  public long storeErrors() {
    return storeErrors.sum();
  }

  /** Store calls that failed because the store was away or too slow, and were retried. */
  public long storeTimeouts() {
    return storeTimeouts.sum();
  }

  /** Workers that died of an unexpected error. */
  public long workerCrashes() {
    return workerCrashes.sum();
  }

  /** Mean time of one write to the store, in milliseconds (0 before the first). */
  public double meanStoreWriteMillis() {
    long n = storeWrites.sum();
    return n == 0 ? 0 : storeWriteNanos.sum() / 1e6 / n;
  }

  /** Mean time spent on one item in the flow's own code (features, rules), in microseconds. */
  public double meanProcessingMicros() {
    long n = processed.sum();
    return n == 0 ? 0 : processingNanos.sum() / 1e3 / n;
  }

  /** Total time spent in the flow's own code (features, rules), in nanoseconds. */
  public long processingNanos() {
    return processingNanos.sum();
  }

  /** Writes to the store so far. */
  public long storeWrites() {
    return storeWrites.sum();
  }

  /** Total time of the writes to the store, in nanoseconds. */
  public long storeWriteNanos() {
    return storeWriteNanos.sum();
  }

  /**
   * Heap bytes allocated by each thread of the flow while it worked for the flow, by thread name
   * ({@code flow-engine}, {@code flow-worker-N}, or the caller's for single-threaded flows).
   * Workers share one heap, so this is what "memory per worker" can mean; 0 where the JVM cannot
   * tell.
   */
  public Map<String, Long> allocatedBytesByThread() {
    return allocations.bytes();
  }

  public int busyWorkers() {
    return busyWorkers.get();
  }

  public int workers() {
    return workers;
  }

  /** Items waiting between the flow's stages. */
  public int queued() {
    return queued.getAsInt();
  }

  void expect(long n) {
    expected.set(n);
  }

  void workers(int n, IntSupplier queueLength) {
    workers = n;
    queued = queueLength;
  }

  /** Runs {@code work} on the calling thread, its allocations counted for the flow. */
  <T> T onThisThread(Supplier<T> work) {
    allocations.started();
    try {
      return work.get();
    } finally {
      allocations.ended();
    }
  }

  void addRead(long n) {
    read.add(n);
  }

  void addProcessed(long n, long nanos) {
    processed.add(n);
    processingNanos.add(nanos);
  }

  void addWritten(long n) {
    written.add(n);
  }

  void addFlagged(long n) {
    flagged.add(n);
  }

  void addFailed(long n) {
    failed.add(n);
  }

  void storeWrite(long nanos) {
    storeWrites.increment();
    storeWriteNanos.add(nanos);
  }

  void storeError(boolean unavailable) {
    storeErrors.increment();
    if (unavailable) {
      storeTimeouts.increment();
    }
  }

  void workerCrashed() {
    workerCrashes.increment();
  }

  void workerBusy(boolean busy) {
    busyWorkers.addAndGet(busy ? 1 : -1);
  }
}

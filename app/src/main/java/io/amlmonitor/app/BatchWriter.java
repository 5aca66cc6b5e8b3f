package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.TransactionRepository;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Saves batches of transactions on two threads of their own, so that the next batch is read and
 * checked while the last ones are written. At most two batches are being written and the caller
 * fills the next: memory stays at three batches.
 *
 * <p>Implementation note: on PostgreSQL the server's work per batch (COPY, then the insert into the
 * table and its indexes) runs in one backend process per connection; two connections let it use
 * both cores of the 2-core reference machine while the file is parsed: 95,000–97,000 rows/s with
 * one writer, 117,000–125,000 with two, on a quiet machine (docs/benchmarks.md). Batches of one
 * file never share an id, so concurrent batches do not wait on each other's rows.
 */
final class BatchWriter implements AutoCloseable {
  private final TransactionRepository transactions;
  private static final int WRITERS = Integer.getInteger("aml.import.writers", 2);
  private final ExecutorService thread =
      Executors.newFixedThreadPool(
          WRITERS,
          r -> {
            Thread t = new Thread(r, "aml-import-writer");
            t.setDaemon(true);
            return t;
          });
  private final ArrayDeque<Future<Integer>> pendingQueue = new ArrayDeque<>();
  private long submitted;
  private long added;

  BatchWriter(TransactionRepository transactions) {
    this.transactions = transactions;
  }

  /**
   * Waits for the previous batch, then starts writing {@code batch}, which the caller must no
   * longer change.
   *
   * @throws io.amlmonitor.core.store.StoreException when the previous batch failed
   */
  void submit(List<Transaction> batch) {
    while (pendingQueue.size() >= WRITERS) {
      await(pendingQueue.poll());
    }
    if (!batch.isEmpty()) {
      submitted += batch.size();
      pendingQueue.add(thread.submit(() -> transactions.saveAll(batch)));
    }
  }

  /** Waits until every submitted batch is written. */
  void flush() {
    while (!pendingQueue.isEmpty()) {
      await(pendingQueue.poll());
    }
  }

  /** Transactions submitted so far. */
  long submitted() {
    return submitted;
  }

  /** How many of the batches written so far were new. */
  long added() {
    return added;
  }

  private void await(Future<Integer> pending) {
    try {
      added += pending.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while saving transactions", e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}

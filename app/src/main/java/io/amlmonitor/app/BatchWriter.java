package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.TransactionRepository;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Saves batches of transactions on a thread of its own, one batch at a time, so that the next batch
 * is read and checked while the last one is written. At most one batch is being written and the
 * caller fills the next: memory stays at two batches.
 *
 * <p>Implementation note: on the 2-core reference machine the database's work (COPY and the insert
 * on PostgreSQL, the inserts on H2) and parsing the file take similar time, so overlapping them is
 * most of the import's speed; see docs/benchmarks.md.
 */
final class BatchWriter implements AutoCloseable {
  private final TransactionRepository transactions;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "aml-import-writer");
            t.setDaemon(true);
            return t;
          });
  private Future<Integer> pending;
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
    await();
    if (!batch.isEmpty()) {
      submitted += batch.size();
      pending = thread.submit(() -> transactions.saveAll(batch));
    }
  }

  /** Waits until every submitted batch is written. */
  void flush() {
    await();
  }

  /** Transactions submitted so far. */
  long submitted() {
    return submitted;
  }

  /** How many of the batches written so far were new. */
  long added() {
    return added;
  }

  private void await() {
    if (pending == null) {
      return;
    }
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
    } finally {
      pending = null;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}

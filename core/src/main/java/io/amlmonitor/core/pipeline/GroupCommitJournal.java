package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.TransactionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A journal over the system of record that commits concurrent callers together: each caller waits
 * for the one commit that holds its transactions, and while a commit runs, the next callers gather
 * into the following one. Under load a commit carries many transactions, so durability costs one
 * round trip per batch instead of one per request ("group commit", as databases do for their own
 * logs).
 */
public final class GroupCommitJournal implements TransactionJournal, AutoCloseable {
  private final TransactionRepository repository;
  private final int maxBatch;
  private final BlockingQueue<Pending> waiting;
  private final Thread committer;
  private final LongAdder commits = new LongAdder();
  private final LongAdder committed = new LongAdder();
  private volatile boolean closed;

  private record Pending(List<Transaction> batch, CompletableFuture<Void> done) {}

  /**
   * Starts the committer thread.
   *
   * @param maxBatch most transactions one commit carries (a larger caller batch commits alone)
   * @param maxWaiting most callers that may wait at once; more wait for room
   */
  public GroupCommitJournal(TransactionRepository repository, int maxBatch, int maxWaiting) {
    if (maxBatch < 1 || maxWaiting < 1) {
      throw new IllegalArgumentException(
          "maxBatch and maxWaiting must be positive, were " + maxBatch + " and " + maxWaiting);
    }
    this.repository = Objects.requireNonNull(repository, "repository");
    this.maxBatch = maxBatch;
    this.waiting = new ArrayBlockingQueue<>(maxWaiting);
    this.committer = new Thread(this::run, "journal-committer");
    committer.setDaemon(true);
    committer.start();
  }

  @Override
  public void append(List<Transaction> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("the journal is closed");
    }
    Pending p = new Pending(List.copyOf(batch), new CompletableFuture<>());
    try {
      waiting.put(p);
      p.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the journal", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException("the journal failed: " + e.getCause(), e.getCause());
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    List<Transaction> rows = new ArrayList<>();
    while (true) {
      Pending first;
      try {
        first = waiting.take();
      } catch (InterruptedException e) {
        failAll(new StoreException("the journal was closed", e));
        return;
      }
      group.add(first);
      rows.addAll(first.batch());
      Pending next;
      while (rows.size() < maxBatch && (next = waiting.peek()) != null) {
        if (rows.size() + next.batch().size() > maxBatch) {
          break;
        }
        group.add(waiting.poll());
        rows.addAll(next.batch());
      }
      try {
        repository.saveAll(rows);
        commits.increment();
        committed.add(rows.size());
        group.forEach(p -> p.done().complete(null));
      } catch (RuntimeException e) {
        group.forEach(p -> p.done().completeExceptionally(e));
      }
      group.clear();
      rows.clear();
    }
  }

  private void failAll(RuntimeException e) {
    Pending p;
    while ((p = waiting.poll()) != null) {
      p.done().completeExceptionally(e);
    }
  }

  /** Commits made so far. */
  public long commitCount() {
    return commits.sum();
  }

  /** Transactions passed to commits so far (repeats included). */
  public long committedCount() {
    return committed.sum();
  }

  /** Stops the committer; callers still waiting get a {@link StoreException}. */
  @Override
  public void close() {
    closed = true;
    committer.interrupt();
    try {
      committer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failAll(new StoreException("the journal was closed", null));
  }
}

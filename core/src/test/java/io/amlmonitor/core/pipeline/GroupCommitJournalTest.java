package io.amlmonitor.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.core.store.TransactionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitJournalTest {
  private static final Instant T0 = Instant.parse("2026-02-03T14:00:00Z");

  /** Keeps rows in a map and can hold a commit open or fail, to see callers wait and group. */
  static final class Rows implements TransactionRepository {
    final Map<String, Transaction> stored = new ConcurrentHashMap<>();
    final List<Integer> commitSizes = new ArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public synchronized int saveAll(List<Transaction> batch) {
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (down.get()) {
        throw new StoreUnavailableException("cannot reach the test store", null);
      }
      commitSizes.add(batch.size());
      int added = 0;
      for (Transaction t : batch) {
        if (stored.putIfAbsent(t.id().value(), t) == null) {
          added++;
        }
      }
      return added;
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
      return Optional.ofNullable(stored.get(id.value()));
    }

    @Override
    public long forEachSince(Instant from, Consumer<? super Transaction> action) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long forEachReceivedSince(Instant from, Consumer<? super Transaction> action) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long forEachIn(TimeRange eventTime, Consumer<? super Transaction> action) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count() {
      return stored.size();
    }

    @Override
    public long countIn(TimeRange eventTime) {
      return stored.values().stream().filter(t -> eventTime.contains(t.timestamp())).count();
    }
  }

  private static Transaction payment(int i) {
    return Transaction.builder()
        .id("T" + i)
        .timestamp(T0.plusSeconds(i))
        .customer("C" + (i % 7))
        .merchant("M1")
        .amount(10 + i)
        .build();
  }

  @Test
  void everyAppendIsStoredBeforeItReturns() throws Exception {
    Rows rows = new Rows();
    try (GroupCommitJournal journal = new GroupCommitJournal(rows, 100, 64)) {
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Transaction t = payment(i);
        done.add(
            callers.submit(
                () -> {
                  journal.append(List.of(t));
                  assertThat(rows.stored).containsKey(t.id().value());
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      callers.shutdown();
      assertThat(rows.stored).hasSize(400);
      assertThat(journal.committedCount()).isEqualTo(400);
    }
  }

  @Test
  void callersWaitingDuringACommitShareTheNextOne() throws Exception {
    Rows rows = new Rows();
    rows.hold = new CountDownLatch(1);
    try (GroupCommitJournal journal = new GroupCommitJournal(rows, 100, 64)) {
      ExecutorService callers = Executors.newFixedThreadPool(11);
      List<Future<?>> done = new ArrayList<>();
      done.add(callers.submit(() -> journal.append(List.of(payment(0)))));
      Thread.sleep(100); // the first commit is now held open
      for (int i = 1; i <= 10; i++) {
        Transaction t = payment(i);
        done.add(callers.submit(() -> journal.append(List.of(t))));
      }
      while (callers instanceof java.util.concurrent.ThreadPoolExecutor p
          && p.getActiveCount() < 11) {
        Thread.sleep(10);
      }
      Thread.sleep(100);
      rows.hold.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      callers.shutdown();
      assertThat(rows.commitSizes).containsExactly(1, 10);
      assertThat(journal.commitCount()).isEqualTo(2);
    }
  }

  @Test
  void aFailedCommitFailsEveryCallerInItAndTheNextOneSucceeds() {
    Rows rows = new Rows();
    try (GroupCommitJournal journal = new GroupCommitJournal(rows, 100, 64)) {
      rows.down.set(true);
      assertThatThrownBy(() -> journal.append(List.of(payment(1))))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("cannot reach the test store");
      assertThat(rows.stored).isEmpty();

      rows.down.set(false);
      journal.append(List.of(payment(1)));
      assertThat(rows.stored).containsOnlyKeys("T1");
    }
  }

  @Test
  void aRepeatedTransactionIsStoredOnce() {
    Rows rows = new Rows();
    try (GroupCommitJournal journal = new GroupCommitJournal(rows, 100, 64)) {
      journal.append(List.of(payment(1), payment(2)));
      journal.append(List.of(payment(1)));
      assertThat(rows.stored).hasSize(2);
    }
  }
}

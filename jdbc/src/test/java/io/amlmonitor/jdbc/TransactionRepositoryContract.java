package io.amlmonitor.jdbc;

import static io.amlmonitor.jdbc.TestData.T0;
import static io.amlmonitor.jdbc.TestData.fullTransfer;
import static io.amlmonitor.jdbc.TestData.payment;
import static io.amlmonitor.jdbc.TestData.payments;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.TransactionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What every {@link TransactionRepository} must do, whatever the database and insert method. */
abstract class TransactionRepositoryContract extends StoreContract {
  abstract InsertMethod method();

  TransactionRepository repository() {
    return database().transactions(method());
  }

  @Test
  void keepsEveryFieldOfATransaction() {
    Transaction full = fullTransfer("T\\1 ção", T0.plusMillis(123));
    Transaction minimal = payment("T2", T0);

    assertThat(repository().saveAll(List.of(full, minimal))).isEqualTo(2);

    assertThat(repository().find(full.id())).contains(full);
    assertThat(repository().find(minimal.id())).contains(minimal);
    assertThat(repository().find(TransactionId.of("unknown"))).isEmpty();
  }

  @Test
  void savingTheSameBatchTwiceAddsNothing() {
    List<Transaction> batch = payments("T", 25);

    assertThat(repository().saveAll(batch)).isEqualTo(25);
    assertThat(repository().saveAll(batch)).isZero();
    assertThat(repository().count()).isEqualTo(25);
  }

  @Test
  void countsOnlyTheNewOnesOfABatchThatRepeatsIdsWithinItselfAndFromBefore() {
    repository().saveAll(payments("T", 10));
    List<Transaction> batch = new ArrayList<>(payments("T", 15));
    batch.add(payment("T12", T0.plusSeconds(999)));
    batch.add(payment("T3", T0));

    assertThat(repository().saveAll(batch)).isEqualTo(5);
    assertThat(repository().count()).isEqualTo(15);
    assertThat(repository().find(TransactionId.of("T12")).orElseThrow().timestamp())
        .isEqualTo(T0.plusSeconds(12));
  }

  @Test
  void aBatchLargerThanOneStatementOrBufferIsStoredWhole() {
    int n = TransactionInserts.ROWS_PER_STATEMENT * 3 + 7;
    List<Transaction> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      batch.add(fullTransfer("T" + i, T0.plusMillis(i)));
    }

    assertThat(repository().saveAll(batch)).isEqualTo(n);
    assertThat(repository().saveAll(batch.subList(n - 600, n))).isZero();
    assertThat(repository().count()).isEqualTo(n);
  }

  @Test
  void singleSavesAndEmptyBatchesReportWhatTheyAdded() {
    assertThat(repository().saveAll(List.of())).isZero();
    assertThat(repository().save(payment("T1", T0))).isTrue();
    assertThat(repository().save(payment("T1", T0))).isFalse();
  }

  @Test
  void streamsFromAnInstantInEventTimeOrderTiesByIdWhateverTheOrderOfArrival() {
    repository()
        .saveAll(
            List.of(
                payment("late", T0.plusSeconds(30)),
                payment("b", T0.plusSeconds(10)),
                payment("before", T0.minusMillis(1)),
                payment("a", T0.plusSeconds(10)),
                payment("first", T0)));
    List<String> seen = new ArrayList<>();

    long n = repository().forEachSince(T0, t -> seen.add(t.id().value()));

    assertThat(seen).containsExactly("first", "a", "b", "late");
    assertThat(n).isEqualTo(4);
    assertThat(repository().forEachSince(T0.plusSeconds(31), t -> seen.add("none"))).isZero();
  }

  @Test
  void streamsATimeRangeFromItsStartUpToButExcludingItsEnd() {
    repository()
        .saveAll(
            List.of(
                payment("before", T0.minusMillis(1)),
                payment("start", T0),
                payment("inside", T0.plusSeconds(5)),
                payment("end", T0.plusSeconds(10)),
                payment("after", T0.plusSeconds(11))));

    assertThat(ids(new TimeRange(T0, T0.plusSeconds(10)))).containsExactly("start", "inside");
    assertThat(ids(new TimeRange(null, T0))).containsExactly("before");
    assertThat(ids(new TimeRange(T0.plusSeconds(10), null))).containsExactly("end", "after");
    assertThat(ids(TimeRange.ALL)).hasSize(5);
  }

  private List<String> ids(TimeRange range) {
    List<String> seen = new ArrayList<>();
    long n = repository().forEachIn(range, t -> seen.add(t.id().value()));
    assertThat(n).isEqualTo(seen.size());
    return seen;
  }

  @Test
  void streamsWhatWasReceivedSinceAnInstantInEventTimeOrder() throws InterruptedException {
    repository().saveAll(List.of(payment("old", T0.plusSeconds(5))));
    Thread.sleep(50);
    Instant mark = Instant.now();
    Thread.sleep(50);
    repository().saveAll(List.of(payment("new-late", T0.plusSeconds(9)), payment("new-early", T0)));
    List<String> seen = new ArrayList<>();

    long n = repository().forEachReceivedSince(mark, t -> seen.add(t.id().value()));

    assertThat(seen).containsExactly("new-early", "new-late");
    assertThat(n).isEqualTo(2);
  }

  @Test
  void streamsMoreRowsThanOneFetch() {
    repository().saveAll(payments("T", 4_321));
    long[] previous = {Long.MIN_VALUE};
    long[] inOrder = {0};

    long n =
        repository()
            .forEachSince(
                Instant.EPOCH,
                t -> {
                  if (t.timestamp().toEpochMilli() >= previous[0]) {
                    inOrder[0]++;
                  }
                  previous[0] = t.timestamp().toEpochMilli();
                });

    assertThat(n).isEqualTo(4_321);
    assertThat(inOrder[0]).isEqualTo(4_321);
  }

  @Test
  void keepsTimestampsToTheMicrosecondTruncatingNanoseconds() {
    Instant nanos = Instant.parse("2026-03-01T10:15:30.999999999Z");
    repository().save(payment("T1", nanos));

    assertThat(repository().find(TransactionId.of("T1")).orElseThrow().timestamp())
        .isEqualTo(Instant.parse("2026-03-01T10:15:30.999999Z"));
  }

  @Test
  void concurrentOverlappingBatchesStoreEachIdOnce() {
    List<Transaction> first = payments("T", 800);
    List<Transaction> second = new ArrayList<>(payments("T", 1200).subList(400, 1200));

    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> repository().saveAll(first));
    CompletableFuture<Integer> b =
        CompletableFuture.supplyAsync(() -> repository().saveAll(second));

    assertThat(a.join() + b.join()).isEqualTo(1200);
    assertThat(repository().count()).isEqualTo(1200);
  }
}

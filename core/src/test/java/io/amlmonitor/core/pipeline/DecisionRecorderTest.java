package io.amlmonitor.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.core.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DecisionRecorderTest {
  private static final Instant T0 = Instant.parse("2026-02-03T14:00:00Z");

  /** Fails its first {@code failures} writes, as a store that is away for a while. */
  static final class Decisions implements DecisionRepository {
    final Map<String, DecisionRecord> stored = new ConcurrentHashMap<>();
    final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    final AtomicInteger failures;

    Decisions(int failures) {
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public int saveAll(List<DecisionRecord> batch) {
      if (failures.getAndDecrement() > 0) {
        throw new StoreUnavailableException("cannot reach the test store", null);
      }
      batch.forEach(d -> stored.putIfAbsent(d.transactionId().value(), d));
      return batch.size();
    }

    @Override
    public int saveAll(List<DecisionRecord> batch, List<Alert> raised) {
      int n = saveAll(batch);
      raised.forEach(a -> alerts.putIfAbsent(a.transactionId().value(), a));
      return n;
    }

    @Override
    public Set<TransactionId> undecidedReceivedSince(Instant from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Instant> latestCreatedAt() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DecisionRecord> find(TransactionId id) {
      return Optional.ofNullable(stored.get(id.value()));
    }

    @Override
    public long forEachCreatedIn(TimeRange created, Consumer<? super DecisionRecord> action) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count() {
      return stored.size();
    }
  }

  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
  private final TransactionProcessor processor =
      new TransactionProcessor(
          engine,
          new Scorer(
              new RuleSetLoader(engine.registry(), FeatureSettings.DEFAULT.zone()).loadDefault(),
              RiskThresholds.DEFAULT),
          new InMemoryAlertRepository(),
          0.5,
          InstantSource.fixed(T0),
          Locale.ENGLISH);

  private Decision decide(int i) {
    return processor.process(
        Transaction.builder()
            .id("T" + i)
            .timestamp(T0.plusSeconds(i))
            .customer("C1")
            .merchant("M1")
            .amount(i == 3 ? 15_000 : 20)
            .build());
  }

  @Test
  void decisionsWaitOutAnOutageAndAreAllRecordedWithTheirFeatures() {
    Decisions store = new Decisions(3);
    DecisionRecorder recorder = new DecisionRecorder(store, InstantSource.fixed(T0), 10, 100);
    for (int i = 0; i < 25; i++) {
      recorder.accept(decide(i));
    }
    recorder.flushAndStop(Duration.ofSeconds(30));

    assertThat(store.stored).hasSize(25);
    assertThat(recorder.recordedCount()).isEqualTo(25);
    assertThat(recorder.droppedCount()).isZero();
    assertThat(store.alerts.keySet())
        .isNotEmpty()
        .isEqualTo(
            store.stored.values().stream()
                .filter(d -> d.riskScore() >= 0.5)
                .map(d -> d.transactionId().value())
                .collect(java.util.stream.Collectors.toSet()));
    DecisionRecord large = store.stored.get("T3");
    assertThat(large.rulesFired()).contains("large_amount");
    assertThat(large.features()).containsKey("txn_count_1h");
    assertThat(large.createdAt()).isEqualTo(T0);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlockingScoring() {
    Decisions store = new Decisions(Integer.MAX_VALUE);
    DecisionRecorder recorder = new DecisionRecorder(store, InstantSource.fixed(T0), 10, 5);
    for (int i = 0; i < 40; i++) {
      recorder.accept(decide(i));
    }
    assertThat(recorder.droppedCount()).isPositive();
    recorder.flushAndStop(Duration.ofMillis(50));
  }
}

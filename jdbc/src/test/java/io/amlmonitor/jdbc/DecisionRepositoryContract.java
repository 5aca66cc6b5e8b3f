package io.amlmonitor.jdbc;

import static io.amlmonitor.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link DecisionRepository} must do. */
abstract class DecisionRepositoryContract extends StoreContract {
  DecisionRepository repository() {
    return database().decisions();
  }

  @Test
  void keepsTheExactFeatureValuesOfARealDecision() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    TransactionProcessor processor =
        new TransactionProcessor(
            engine,
            new Scorer(
                new RuleSetLoader(engine.registry(), FeatureSettings.DEFAULT.zone()).loadDefault(),
                RiskThresholds.DEFAULT),
            new InMemoryAlertRepository(),
            0.5,
            InstantSource.fixed(T0),
            Locale.ENGLISH);
    for (int i = 0; i < 5; i++) {
      processor.process(TestData.payment("P" + i, T0.minusSeconds(600 - i * 7)));
    }
    Transaction t =
        Transaction.builder()
            .id("T1")
            .timestamp(T0)
            .customer("C1")
            .merchant("M1")
            .amount(15_000.37)
            .ipAddress("10.0.0.1")
            .build();
    DecisionRecord record = DecisionRecord.of(processor.process(t), T0.plusMillis(2));

    assertThat(repository().save(record)).isTrue();

    DecisionRecord found = repository().find(t.id()).orElseThrow();
    assertThat(found).isEqualTo(record);
    assertThat(List.copyOf(found.features().keySet()))
        .isEqualTo(List.copyOf(record.features().keySet()));
  }

  @Test
  void roundTripsAwkwardNumbersAndTheModelVersion() {
    Map<String, Number> features = new LinkedHashMap<>();
    features.put("a_sum", 0.1 + 0.2);
    features.put("tiny", Double.MIN_VALUE);
    features.put("huge", -Double.MAX_VALUE);
    features.put("negative_zero", -0.0);
    features.put("whole_real", 3.0);
    features.put("count", Long.MAX_VALUE);
    features.put("ratio", Double.NaN);
    features.put("up", Double.POSITIVE_INFINITY);
    features.put("down", Double.NEGATIVE_INFINITY);
    DecisionRecord d =
        new DecisionRecord(
            TransactionId.of("T9"),
            T0,
            1.0,
            RiskLevel.HIGH,
            List.of("r1", "r\"2\""),
            null,
            "gbt-2026-03-01",
            features);

    repository().save(d);
    DecisionRecord found = repository().find(d.transactionId()).orElseThrow();

    assertThat(found).isEqualTo(d);
    assertThat(found.features().get("whole_real")).isInstanceOf(Double.class);
    assertThat(found.features().get("count")).isInstanceOf(Long.class);
    assertThat(Double.doubleToRawLongBits((Double) found.features().get("negative_zero")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void keepsTheFirstDecisionOfATransaction() {
    DecisionRecord first = decision("T1", 0.7);
    repository().save(first);

    assertThat(repository().save(decision("T1", 0.1))).isFalse();
    assertThat(repository().saveAll(List.of(decision("T1", 0.2), decision("T2", 0.3))))
        .isEqualTo(1);
    assertThat(repository().find(TransactionId.of("T1"))).contains(first);
    assertThat(repository().find(TransactionId.of("T3"))).isEmpty();
    assertThat(repository().count()).isEqualTo(2);
  }

  @Test
  void aLargeBatchKeepsEveryFieldExactlyAndSkipsDecisionsAlreadyStored() {
    List<DecisionRecord> batch = new ArrayList<>();
    for (int i = 0; i < JdbcDecisionRepository.COPY_FROM_ROWS * 2 + 7; i++) {
      Map<String, Number> features = new LinkedHashMap<>();
      if (i % 3 == 0) {
        features.put("amount_sum_1h", 0.1 * i + 0.2);
        features.put("txn_count_60s", (long) i);
        features.put("ratio", i % 2 == 0 ? Double.NaN : -0.0);
      }
      batch.add(
          new DecisionRecord(
              TransactionId.of("BIG-" + i + (i % 50 == 0 ? "\\back" : "")),
              T0.plusNanos(i * 1_001_000L),
              i % 7 == 0 ? 0.1 + 0.2 : i / 1000.0,
              RiskLevel.values()[i % 3],
              i % 5 == 0 ? List.of("large_amount", "r\"q\\\tz") : List.of(),
              i % 4 == 0 ? null : "v2",
              i % 6 == 0 ? "gbt-1" : null,
              features,
              i % 5 == 0 ? List.of("Valor 15× acima\nda média\tusual", "back\\slash") : List.of()));
    }
    DecisionRecord earlier =
        new DecisionRecord(
            batch.get(1).transactionId(),
            T0,
            0.99,
            RiskLevel.HIGH,
            List.of(),
            "v1",
            null,
            Map.of());
    repository().save(earlier);

    assertThat(repository().saveAll(batch)).isEqualTo(batch.size() - 1);
    assertThat(repository().saveAll(batch)).isZero();

    assertThat(repository().count()).isEqualTo(batch.size());
    assertThat(repository().find(earlier.transactionId())).contains(earlier);
    for (DecisionRecord d : batch) {
      if (!d.transactionId().equals(earlier.transactionId())) {
        assertThat(repository().find(d.transactionId())).as(d.transactionId().value()).contains(d);
      }
    }
  }

  @Test
  void streamsTheDecisionsMadeInATimeRangeOldestFirst() {
    repository()
        .saveAll(
            List.of(
                decision("T3", 0.1, T0.plusSeconds(10)),
                decision("T2", 0.1, T0),
                decision("T1", 0.1, T0),
                decision("T0", 0.1, T0.minusSeconds(1))));
    List<String> seen = new ArrayList<>();

    long n =
        repository()
            .forEachCreatedIn(
                new TimeRange(T0, T0.plusSeconds(10)), d -> seen.add(d.transactionId().value()));

    assertThat(seen).containsExactly("T1", "T2");
    assertThat(n).isEqualTo(2);
    assertThat(repository().forEachCreatedIn(TimeRange.ALL, d -> {})).isEqualTo(4);
  }

  @Test
  void keepsDecisionsAndTheirAlertsTogether() {
    int added =
        repository()
            .saveAll(
                List.of(decision("T1", 0.8), decision("T2", 0.1)),
                List.of(TestData.alert("A-1", "T1", "C1", RiskLevel.HIGH, "large_amount")));

    assertThat(added).isEqualTo(2);
    assertThat(database().alerts().count()).isEqualTo(1);
    assertThat(database().alerts().countByRule()).containsEntry("large_amount", 1L);

    int again =
        repository()
            .saveAll(
                List.of(decision("T1", 0.9)),
                List.of(TestData.alert("A-2", "T1", "C1", RiskLevel.HIGH, "large_amount")));
    assertThat(again).isZero();
    assertThat(database().alerts().count()).isEqualTo(1);
  }

  @Test
  void findsTransactionsReceivedSinceAnInstantThatHaveNoDecision() throws InterruptedException {
    database().transactions().saveAll(List.of(TestData.payment("OLD", T0)));
    Thread.sleep(50);
    Instant mark = Instant.now();
    Thread.sleep(50);
    database()
        .transactions()
        .saveAll(
            List.of(
                TestData.payment("DECIDED", T0.plusSeconds(1)),
                TestData.payment("PENDING", T0.plusSeconds(2))));
    repository().saveAll(List.of(decision("DECIDED", 0.2, T0.plusSeconds(5))));

    assertThat(repository().undecidedReceivedSince(mark))
        .containsExactly(TransactionId.of("PENDING"));
    assertThat(repository().latestCreatedAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void anEmptyStoreHasNoLatestDecision() {
    assertThat(repository().latestCreatedAt()).isEmpty();
  }

  private static DecisionRecord decision(String txn, double score) {
    return decision(txn, score, T0);
  }

  private static DecisionRecord decision(String txn, double score, Instant createdAt) {
    return new DecisionRecord(
        TransactionId.of(txn),
        createdAt,
        score,
        RiskLevel.MEDIUM,
        List.of(),
        "v1",
        null,
        Map.of("txn_count_60s", 2L));
  }
}

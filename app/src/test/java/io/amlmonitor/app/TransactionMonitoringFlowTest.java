package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import io.amlmonitor.core.flow.Checkpoint;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.flow.FlowParameters;
import io.amlmonitor.core.flow.FlowRun;
import io.amlmonitor.core.flow.FlowStats;
import io.amlmonitor.core.flow.TransactionMonitoring;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.Explanation;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction_monitoring flow on the embedded database. */
class TransactionMonitoringFlowTest {
  private static final double ALERT_THRESHOLD = 0.4;
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z"));

  @TempDir static Path dir;
  static Database db;
  static FlowsTestData data;

  @BeforeAll
  static void open() {
    db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 6));
    data = new FlowsTestData().storeIn(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void forgetDecisionsAndRuns() throws Exception {
    try (var c = db.dataSource().getConnection();
        var s = c.createStatement()) {
      s.executeUpdate("DELETE FROM decisions");
      s.executeUpdate("DELETE FROM flow_runs");
    }
  }

  private static FeatureEngine engine() {
    Map<String, Long> volumes = new HashMap<>();
    data.generator
        .customers()
        .forEach(c -> volumes.put(c.id().value(), c.expectedMonthlyVolume().cents()));
    return new FeatureEngine(
        FeatureRegistry.standard(),
        FeatureSettings.DEFAULT,
        new InMemoryEntityStateStore(),
        CustomerProfiles.of(volumes));
  }

  private static Scorer scorer() {
    return new Scorer(
        new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC).loadDefault(),
        RiskThresholds.DEFAULT);
  }

  private static TransactionMonitoring flow() {
    return new TransactionMonitoring(
        TransactionMonitoringFlowTest::engine,
        scorer(),
        db.transactions(),
        db.decisions(),
        db.flowRuns(),
        CLOCK,
        Duration.ofSeconds(5),
        Locale.ENGLISH);
  }

  private static FlowParameters lastDays(int days, int batchSize, int workers) {
    return new FlowParameters(
        data.end(),
        Duration.ofDays(days),
        null,
        batchSize,
        workers,
        ALERT_THRESHOLD,
        0.7,
        Duration.ofHours(24),
        false);
  }

  private static List<DecisionRecord> storedDecisions() {
    List<DecisionRecord> out = new ArrayList<>();
    db.decisions().forEachCreatedIn(TimeRange.ALL, out::add);
    return out;
  }

  @Test
  void everyTransactionOfThePeriodGetsTheDecisionTheLivePathWouldHaveMade() {
    FlowParameters p = lastDays(3, 700, 3);
    TransactionMonitoring.Summary summary = flow().run(p, "{}", new FlowStats());

    TransactionProcessor live =
        new TransactionProcessor(
            engine(), scorer(), new InMemoryAlertRepository(), ALERT_THRESHOLD, CLOCK, Locale.ROOT);
    Map<String, Decision> expected = new HashMap<>();
    for (Transaction t : data.transactions) {
      Decision d = live.process(t);
      if (p.period().contains(t.timestamp())) {
        expected.put(t.id().value(), d);
      }
    }
    List<DecisionRecord> stored = storedDecisions();
    assertThat(stored).hasSize(expected.size());
    assertThat(summary.scored()).isEqualTo(expected.size());
    assertThat(summary.newDecisions()).isEqualTo(expected.size());
    assertThat(summary.warmUp() + summary.scored()).isEqualTo(data.transactions.size());
    for (DecisionRecord r : stored) {
      Decision d = expected.get(r.transactionId().value());
      assertThat(r.riskScore()).isEqualTo(d.assessment().riskScore());
      assertThat(r.rulesFired()).isEqualTo(d.assessment().ruleIds());
      assertThat(r.ruleSetVersion()).isEqualTo(d.assessment().ruleSetVersion());
      if (!r.rulesFired().isEmpty()) {
        assertThat(r.features()).isEqualTo(d.assessment().features().asMap());
        assertThat(r.reasons()).isEqualTo(Explanation.of(d.assessment(), Locale.ENGLISH));
      }
    }
    assertThat(stored).anySatisfy(r -> assertThat(r.rulesFired()).isNotEmpty());
    assertThat(summary.alertCandidates())
        .isEqualTo(stored.stream().filter(r -> r.riskScore() >= ALERT_THRESHOLD).count());
  }

  @Test
  void runningItAgainStoresNothingNew() {
    flow().run(lastDays(3, 1000, 2), "{}", new FlowStats());
    List<DecisionRecord> first = storedDecisions();

    TransactionMonitoring.Summary again = flow().run(lastDays(3, 333, 1), "{}", new FlowStats());

    assertThat(again.newDecisions()).isZero();
    assertThat(storedDecisions()).containsExactlyInAnyOrderElementsOf(first);
    assertThat(db.flowRuns().recent(5))
        .extracting(FlowRun::status)
        .containsOnly(FlowRun.Status.COMPLETED);
  }

  @Test
  void anUnfinishedRunIsResumedAfterItsCheckpoint() {
    FlowParameters p = lastDays(3, 500, 2);
    List<Transaction> inPeriod =
        data.transactions.stream().filter(t -> p.period().contains(t.timestamp())).toList();
    Transaction middle = inPeriod.get(inPeriod.size() / 2);
    db.flowRuns()
        .start(
            new FlowRun(
                "stopped",
                FlowName.TRANSACTION_MONITORING,
                FlowRun.Status.RUNNING,
                p.period(),
                CLOCK.instant(),
                null,
                0),
            "{}");
    db.flowRuns().checkpoint("stopped", Checkpoint.of(middle), 123, CLOCK.instant());

    TransactionMonitoring.Summary s = flow().run(p, "{}", new FlowStats());

    long before = inPeriod.stream().filter(t -> t.timestamp().isBefore(middle.timestamp())).count();
    assertThat(s.resumed()).isTrue();
    assertThat(s.runId()).isEqualTo("stopped");
    assertThat(s.alreadyDone()).isEqualTo(before);
    assertThat(s.scored()).isEqualTo(inPeriod.size() - before);
    assertThat(storedDecisions()).hasSize(inPeriod.size() - (int) before);
    assertThat(db.flowRuns().find("stopped").orElseThrow().status())
        .isEqualTo(FlowRun.Status.COMPLETED);
  }
}

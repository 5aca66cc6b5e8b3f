package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import io.amlmonitor.core.flow.AlertGeneration;
import io.amlmonitor.core.flow.AlertNotifier;
import io.amlmonitor.core.flow.FlowParameters;
import io.amlmonitor.core.flow.FlowStats;
import io.amlmonitor.core.flow.NotificationDelivery;
import io.amlmonitor.core.flow.TransactionMonitoring;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert_generation flow on the embedded database, after transaction_monitoring. */
class AlertGenerationFlowTest {
  private static final double ALERT_THRESHOLD = 0.4;
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @TempDir static Path dir;
  static Database db;
  static FlowsTestData data;
  static List<DecisionRecord> candidates;

  @BeforeAll
  static void scoreTheHistory() {
    db = Database.open(new DatabaseConfig.Embedded(dir.resolve("db"), 6));
    data = new FlowsTestData().storeIn(db);
    new TransactionMonitoring(
            () ->
                new FeatureEngine(
                    FeatureRegistry.standard(),
                    FeatureSettings.DEFAULT,
                    new InMemoryEntityStateStore(),
                    CustomerProfiles.NONE),
            new Scorer(
                new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC).loadDefault(),
                RiskThresholds.DEFAULT),
            db.transactions(),
            db.decisions(),
            db.flowRuns(),
            InstantSource.fixed(NOW),
            Duration.ofSeconds(5),
            Locale.ENGLISH)
        .run(parameters(Duration.ZERO), "{}", new FlowStats());
    candidates = new ArrayList<>();
    db.decisions()
        .forEachCreatedIn(
            TimeRange.ALL,
            d -> {
              if (d.riskScore() >= ALERT_THRESHOLD) {
                candidates.add(d);
              }
            });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void forgetAlerts() throws Exception {
    try (var c = db.dataSource().getConnection();
        var s = c.createStatement()) {
      for (String table :
          List.of("alert_notifications", "suppressed_alerts", "alert_rules", "alerts")) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  private static FlowParameters parameters(Duration suppression) {
    return new FlowParameters(
        data.end(), Duration.ofDays(8), null, 50, 2, ALERT_THRESHOLD, 0.7, suppression, false);
  }

  private static AlertGeneration flow(InstantSource clock, Map<String, AlertNotifier> notifiers) {
    return new AlertGeneration(
        db.alertGeneration(),
        new NotificationDelivery(db.notifications(), notifiers, clock, 3),
        AlertGeneration.CaseSink.NONE,
        clock);
  }

  private static List<Alert> storedAlerts() {
    List<Alert> out = new ArrayList<>();
    db.alertGeneration().forEachAlertIn(TimeRange.ALL, out::add);
    return out;
  }

  @Test
  void everyDecisionAtOrAboveTheThresholdGetsOneAlertWithItsFrozenReasons() {
    assertThat(candidates).isNotEmpty();

    AlertGeneration.Summary s =
        flow(InstantSource.fixed(NOW), Map.of()).run(parameters(Duration.ZERO), new FlowStats());

    assertThat(s.candidates()).isEqualTo(candidates.size());
    assertThat(s.raised()).isEqualTo(candidates.size());
    assertThat(s.suppressed()).isZero();
    Map<String, DecisionRecord> byTransaction = new HashMap<>();
    candidates.forEach(d -> byTransaction.put(d.transactionId().value(), d));
    List<Alert> alerts = storedAlerts();
    assertThat(alerts).hasSize(candidates.size());
    for (Alert a : alerts) {
      DecisionRecord d = byTransaction.get(a.transactionId().value());
      assertThat(a.riskScore()).isEqualTo(d.riskScore());
      assertThat(a.rules()).isEqualTo(d.rulesFired());
      assertThat(a.reasons()).isEqualTo(d.reasons()).isNotEmpty();
    }

    AlertGeneration.Summary again =
        flow(InstantSource.fixed(NOW), Map.of()).run(parameters(Duration.ZERO), new FlowStats());
    assertThat(again.candidates()).isZero();
    assertThat(storedAlerts()).hasSize(candidates.size());
  }

  @Test
  void aRepeatOfTheSamePatternForTheSameCustomerWithinThePeriodIsHeldBack() {
    Duration window = Duration.ofHours(24);

    AlertGeneration.Summary s =
        flow(InstantSource.fixed(NOW), Map.of()).run(parameters(window), new FlowStats());

    assertThat(s.raised() + s.suppressed()).isEqualTo(candidates.size());
    assertThat(s.suppressed()).isPositive();
    Map<String, List<Instant>> times = new HashMap<>();
    for (Alert a : storedAlerts()) {
      times
          .computeIfAbsent(
              a.customerId().value() + "|" + AlertGeneration.pattern(a.rules()),
              k -> new ArrayList<>())
          .add(a.transactionTime());
    }
    for (List<Instant> ts : times.values()) {
      List<Instant> sorted = ts.stream().sorted().toList();
      for (int i = 1; i < sorted.size(); i++) {
        assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
            .isGreaterThanOrEqualTo(window);
      }
    }

    AlertGeneration.Summary again =
        flow(InstantSource.fixed(NOW), Map.of()).run(parameters(window), new FlowStats());
    assertThat(again.candidates()).isZero();
  }

  @Test
  void aWebhookThatFailsIsRetriedLaterUntilItAcceptsEveryAlert() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(Integer.MAX_VALUE);
    Set<String> received = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
          if (status == 204) {
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            assertThat(body).contains("\"alert_id\"");
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    try {
      WebhookNotifier hook =
          new WebhookNotifier(
              URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"),
              Duration.ofSeconds(5));
      Map<String, AlertNotifier> notifiers = Map.of(hook.channel(), hook);

      AlertGeneration.Summary s =
          flow(InstantSource.fixed(NOW), notifiers).run(parameters(Duration.ZERO), new FlowStats());
      assertThat(s.notifications().delivered()).isZero();
      assertThat(s.notifications().retrying()).isEqualTo((int) s.raised());
      assertThat(db.notifications().countByStatus()).containsEntry("PENDING", s.raised());

      failuresLeft.set(0);
      // The receiver is back: the ones never tried go now; the one that failed waits a minute.
      NotificationDelivery.Outcome early =
          new NotificationDelivery(db.notifications(), notifiers, InstantSource.fixed(NOW), 3)
              .deliverDue();
      assertThat(early.delivered()).isEqualTo((int) s.raised() - 1);
      NotificationDelivery.Outcome later =
          new NotificationDelivery(
                  db.notifications(), notifiers, InstantSource.fixed(NOW.plusSeconds(120)), 3)
              .deliverDue();

      assertThat(later.delivered()).isEqualTo(1);
      assertThat(received)
          .containsExactlyInAnyOrderElementsOf(
              storedAlerts().stream().map(Alert::alertId).toList());
      assertThat(db.notifications().countByStatus()).containsOnlyKeys("DELIVERED");
    } finally {
      server.stop(0);
    }
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable stores' start-up, on the embedded database. */
class LiveStoresTest {
  private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

  @TempDir Path dir;

  private DatabaseConfig config() {
    return new DatabaseConfig.Embedded(dir.resolve("db"), 2);
  }

  private static TransactionProcessor processor(LiveStores stores) {
    FeatureRegistry registry = FeatureRegistry.standard();
    FeatureEngine engine =
        new FeatureEngine(
            registry,
            FeatureSettings.DEFAULT,
            stores.stateStore(registry, FeatureSettings.DEFAULT),
            CustomerProfiles.NONE);
    return new TransactionProcessor(
        engine,
        new Scorer(
            new RuleSetLoader(registry, ZoneOffset.UTC).loadDefault(), RiskThresholds.DEFAULT),
        stores.alerts(),
        0.4,
        InstantSource.system(),
        Locale.ENGLISH);
  }

  private static Transaction payment(int i, double amount) {
    return Transaction.builder()
        .id("LS" + i)
        .timestamp(T0.plusSeconds(i * 60L))
        .customer("C1")
        .merchant("M1")
        .amount(amount)
        .build();
  }

  @Test
  void aRestartScoresTheJournaledTransactionsThatHadNoDecisionAndRaisesTheirAlerts() {
    List<Transaction> journaled = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      journaled.add(payment(i, i == 4 ? 15_000 : 40));
    }
    try (LiveStores stores = LiveStores.open(config(), null)) {
      TransactionProcessor processor = processor(stores);
      stores.journal().append(journaled);
      // The first three were decided before the "crash"; the rest were journaled only.
      for (Transaction t : journaled.subList(0, 3)) {
        stores.decisionLog().accept(processor.process(t));
      }
    }
    try (Database db = Database.open(config())) {
      assertThat(db.decisions().count()).isEqualTo(3);
    }

    try (LiveStores restarted = LiveStores.open(config(), null)) {
      TransactionProcessor processor = processor(restarted);
      restarted.catchUp(processor, new PrintStream(OutputStream.nullOutputStream()));
      assertThat(processor.engine().acceptedCount()).isEqualTo(6);
    }

    try (Database db = Database.open(config())) {
      assertThat(db.decisions().count()).isEqualTo(6);
      DecisionRecord large = db.decisions().find(journaled.get(4).id()).orElseThrow();
      assertThat(large.rulesFired()).contains("large_amount");
      assertThat(large.riskScore()).isGreaterThanOrEqualTo(0.4);
      assertThat(db.alerts().count()).isEqualTo(1);
      assertThat(db.alerts().countByRule()).containsEntry("large_amount", 1L);
    }
  }
}

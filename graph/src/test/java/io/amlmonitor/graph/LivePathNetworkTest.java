package io.amlmonitor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.graph.InMemoryNetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The live use case with the graph: a typology raises the score, the alert and the record. */
class LivePathNetworkTest {
  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

  private final InMemoryNetworkFindingRepository findings = new InMemoryNetworkFindingRepository();
  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
  private final TransactionProcessor processor =
      new TransactionProcessor(
          engine,
          new Scorer(
              new RuleSetLoader(engine.registry(), ZoneOffset.UTC).loadDefault(),
              RiskThresholds.DEFAULT),
          new InMemoryAlertRepository(),
          0.5,
          InstantSource.fixed(T0.plusSeconds(3_600)),
          new Locale("pt", "BR"),
          new NetworkWatch(InMemoryTransactionGraph::new, findings, NetworkWatch.DEFAULT_SCORE));

  private Decision transfer(String id, String from, String to, double amount, int minutes) {
    return processor.process(
        Transaction.builder()
            .id(id)
            .timestamp(T0.plusSeconds(60L * minutes))
            .customer(from)
            .counterparty(to)
            .amount(amount)
            .build());
  }

  @Test
  void aClosedCycleRaisesTheScoreTheAlertAndTheRecordedDecision() {
    Decision first = transfer("T1", "A", "B", 700, 0);
    transfer("T2", "B", "C", 690, 5);
    assertThat(first.networkFindings()).isEmpty();
    assertThat(first.riskScore()).isEqualTo(first.assessment().riskScore());

    Decision cycle = transfer("T4", "C", "A", 695, 8);
    assertThat(cycle.networkFindings()).isNotEmpty();
    assertThat(cycle.riskScore()).isGreaterThanOrEqualTo(0.7);
    assertThat(cycle.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(cycle.alert().rules()).contains("graph_cycle");
    assertThat(cycle.alert().reasons().get(0))
        .startsWith("Padrão de rede, o dinheiro voltou à origem: money returned to C");
    DecisionRecord stored = DecisionRecord.of(cycle, T0);
    assertThat(stored.riskScore()).isEqualTo(cycle.riskScore());
    assertThat(stored.rulesFired()).contains("graph_cycle");
    assertThat(findings.forTransaction(cycle.transaction().id())).isNotEmpty();
  }

  @Test
  void aRepeatedTransactionIdEntersTheGraphOnce() {
    transfer("T1", "A", "B", 700, 0);
    transfer("T1", "A", "B", 700, 0);
    assertThat(processor.graph().edgeCount()).isEqualTo(1);
  }
}

package io.amlmonitor.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.AlertQuery;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TransactionProcessorTest {
  private static final Instant T0 = Instant.parse("2026-02-03T14:00:00Z");
  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
  private final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
  private final TransactionProcessor processor =
      new TransactionProcessor(
          engine,
          new Scorer(
              new RuleSetLoader(engine.registry(), FeatureSettings.DEFAULT.zone()).loadDefault(),
              RiskThresholds.DEFAULT),
          alerts,
          0.5,
          InstantSource.fixed(T0),
          Locale.ENGLISH);

  private static Transaction payment(String id, Instant at, double amount, String ip) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer("C1")
        .merchant("M1")
        .amount(amount)
        .ipAddress(ip)
        .build();
  }

  @Test
  void structuringRaisesAHighAlertWithItsReason() {
    processor.process(payment("T1", T0, 9_500, "1.1.1.1"));
    processor.process(payment("T2", T0.plusSeconds(3600), 9_700, "1.1.1.1"));

    Decision d = processor.process(payment("T3", T0.plusSeconds(7200), 9_900, "1.1.1.1"));

    assertThat(d.assessment().ruleIds()).contains("structuring");
    assertThat(d.assessment().riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(d.raisedAlert()).isPresent();
    assertThat(d.explanation(Locale.ENGLISH).get(0))
        .isEqualTo(
            "2 earlier payments just under 10,000.00 in the last 24 hours, and this one is 9,900.00");
    assertThat(alerts.find(AlertQuery.latest(10))).hasSize(1);
  }

  @Test
  void threeIpsInAnHourAreExplainedWithTheirCount() {
    processor.process(payment("T1", T0, 10, "1.1.1.1"));
    processor.process(payment("T2", T0.plusSeconds(60), 10, "2.2.2.2"));
    processor.process(payment("T3", T0.plusSeconds(120), 10, "3.3.3.3"));

    Decision d = processor.process(payment("T4", T0.plusSeconds(180), 10, "4.4.4.4"));

    assertThat(d.explanation(Locale.ENGLISH))
        .contains("3 different IPs in the last hour before this payment");
    assertThat(d.explanation(Locale.forLanguageTag("pt-BR")))
        .contains("3 IPs diferentes na última hora antes deste pagamento");
  }

  @Test
  void repeatedTransactionIsScoredButCountedOnceAndAlertedOnce() {
    Transaction big = payment("T1", T0, 50_000, null);
    Decision first = processor.process(big);
    Decision again = processor.process(big);

    assertThat(first.placement()).isEqualTo(Placement.ACCEPTED);
    assertThat(again.placement()).isEqualTo(Placement.DUPLICATE);
    assertThat(again.assessment().riskScore()).isEqualTo(first.assessment().riskScore());
    assertThat(again.raisedAlert()).isEmpty();
    assertThat(engine.acceptedCount()).isEqualTo(1);
  }

  @Test
  void ordinaryPaymentRaisesNoAlert() {
    Decision d = processor.process(payment("T1", T0, 42.5, "1.1.1.1"));
    assertThat(d.assessment().riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(d.raisedAlert()).isEmpty();
    assertThat(d.explanation(Locale.ENGLISH)).containsExactly("No risk indicators found");
  }

  @Test
  void assessingScoresAsProcessingWouldAndChangesNothing() {
    processor.process(payment("T1", T0, 9_500, "1.1.1.1"));
    processor.process(payment("T2", T0.plusSeconds(3600), 9_700, "1.1.1.1"));
    Transaction third = payment("T3", T0.plusSeconds(7200), 9_900, "1.1.1.1");

    Decision assessed = processor.assess(third);
    Decision assessedAgain = processor.assess(third);
    Decision processed = processor.process(third);

    assertThat(assessed.assessment().riskScore()).isEqualTo(processed.assessment().riskScore());
    assertThat(assessed.assessment().ruleIds()).isEqualTo(processed.assessment().ruleIds());
    assertThat(assessed.assessment().features().asMap())
        .isEqualTo(processed.assessment().features().asMap());
    assertThat(assessedAgain.assessment().features().asMap())
        .isEqualTo(assessed.assessment().features().asMap());
    assertThat(assessed.placement()).isEqualTo(Placement.ACCEPTED);
    assertThat(assessed.alert().alertId())
        .isEqualTo(TransactionProcessor.derivedAlertId(third.id()));
    assertThat(engine.acceptedCount()).isEqualTo(3);
    assertThat(alerts.find(AlertQuery.latest(10))).hasSize(1);
  }

  @Test
  void assessingTellsARepeatAndALatePaymentApart() {
    processor.process(payment("T1", T0.plusSeconds(86_400), 10, null));

    assertThat(processor.assess(payment("T1", T0.plusSeconds(86_400), 10, null)).placement())
        .isEqualTo(Placement.DUPLICATE);
    assertThat(processor.assess(payment("T0", T0, 10, null)).placement()).isEqualTo(Placement.LATE);
    assertThat(processor.assess(payment("T9", T0.plusSeconds(90_000), 10, null)).placement())
        .isEqualTo(Placement.ACCEPTED);
  }

  @Test
  void derivedAlertIdsAreStablePerTransaction() {
    Transaction t = payment("T1", T0, 10, null);

    assertThat(TransactionProcessor.derivedAlertId(t.id()))
        .isEqualTo(TransactionProcessor.derivedAlertId(payment("T1", T0, 20, null).id()))
        .isNotEqualTo(TransactionProcessor.derivedAlertId(payment("T2", T0, 10, null).id()))
        .startsWith("A-");
  }
}

package io.amlmonitor.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRecordTest {
  private static final Instant T0 = Instant.parse("2026-02-03T14:00:00Z");

  @Test
  void recordsTheScoreRulesVersionAndEveryFeatureValueOfADecision() {
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
    Decision d =
        processor.process(
            Transaction.builder()
                .id("T1")
                .timestamp(T0)
                .customer("C1")
                .merchant("M1")
                .amount(15_000)
                .build());

    DecisionRecord r = DecisionRecord.of(d, T0.plusMillis(3));

    assertThat(r.transactionId()).isEqualTo(TransactionId.of("T1"));
    assertThat(r.createdAt()).isEqualTo(T0.plusMillis(3));
    assertThat(r.riskScore()).isEqualTo(d.assessment().riskScore());
    assertThat(r.riskLevel()).isEqualTo(d.assessment().riskLevel());
    assertThat(r.rulesFired()).isEqualTo(d.assessment().ruleIds()).contains("large_amount");
    assertThat(r.ruleSetVersion()).isEqualTo(d.assessment().ruleSetVersion());
    assertThat(r.modelVersion()).isNull();
    assertThat(r.features()).isEqualTo(d.assessment().features().asMap());
    assertThat(List.copyOf(r.features().keySet()))
        .isEqualTo(List.copyOf(d.assessment().features().asMap().keySet()));
  }

  @Test
  void refusesAScoreOutsideZeroToOneAndFeatureValuesThatAreNotLongOrDouble() {
    Map<String, Number> features = new LinkedHashMap<>();
    features.put("n", 1);
    assertThatThrownBy(() -> record(1.5, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("riskScore")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> record(0.5, features))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature n");
  }

  private static DecisionRecord record(double score, Map<String, Number> features) {
    return new DecisionRecord(
        TransactionId.of("T"), T0, score, RiskLevel.LOW, List.of(), "v1", null, features);
  }
}

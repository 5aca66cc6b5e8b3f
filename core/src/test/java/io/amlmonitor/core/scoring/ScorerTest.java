package io.amlmonitor.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.rules.RuleSetLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private static final String RULES =
      """
      version: "t"
      rules:
        - id: a
          description: a
          condition: amount > 100.0
          score: 0.5
          severity: medium
          reason: "over 100"
        - id: b
          description: b
          condition: amount > 1000.0
          score: 0.4
          severity: high
          reason: "over 1000"
      """;

  private final Scorer scorer =
      new Scorer(
          new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC)
              .load(new ByteArrayInputStream(RULES.getBytes(StandardCharsets.UTF_8)), "t"),
          RiskThresholds.DEFAULT);
  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);

  private Assessment assess(double amount) {
    Transaction t =
        Transaction.builder()
            .id("T")
            .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
            .customer("C")
            .merchant("M")
            .amount(amount)
            .build();
    return scorer.assess(t, engine.featuresFor(t));
  }

  @Test
  void nothingFiredScoresZeroAndSaysSo() {
    Assessment a = assess(10);
    assertThat(a.riskScore()).isZero();
    assertThat(a.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(Explanation.of(a, Locale.ENGLISH)).containsExactly("No risk indicators found");
    assertThat(Explanation.of(a, Locale.forLanguageTag("pt-BR")))
        .containsExactly("Nenhum indicador de risco encontrado");
  }

  @Test
  void oneRuleScoresItsOwnScore() {
    Assessment a = assess(500);
    assertThat(a.riskScore()).isEqualTo(0.5);
    assertThat(a.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void rulesCombineAsIndependentEvidenceStrongestFirst() {
    Assessment a = assess(5000);
    assertThat(a.riskScore()).isCloseTo(1 - 0.5 * 0.6, within(1e-12));
    assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(a.ruleIds()).containsExactly("a", "b");
    assertThat(Explanation.of(a, Locale.ENGLISH)).containsExactly("over 100", "over 1000");
  }

  @Test
  void levelsFollowTheThresholds() {
    RiskThresholds t = RiskThresholds.DEFAULT;
    assertThat(t.levelOf(0.29)).isEqualTo(RiskLevel.LOW);
    assertThat(t.levelOf(0.3)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(t.levelOf(0.599)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(t.levelOf(0.6)).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void thresholdsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> new RiskThresholds(0.7, 0.6))
        .hasMessageContaining("medium=0.7 high=0.6");
  }

  @Test
  void unsupportedLocaleIsRefusedNamingTheSupportedOnes() {
    assertThat(Messages.parseLocale("pt-BR")).isEqualTo(Locale.forLanguageTag("pt-BR"));
    assertThat(Messages.parseLocale("en-US")).isEqualTo(Locale.ENGLISH);
    assertThatThrownBy(() -> Messages.parseLocale("fr")).hasMessageContaining("en, pt-BR");
  }
}

package io.amlmonitor.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.rules.RuleSetLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScorerWithModelTest {
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
      """;

  /**
   * A logistic model on two inputs, exact and transparent: log-odds = -3 + amount/1000 +
   * 0.5·txn_count_1h, so its SHAP values against a zero baseline are the terms themselves.
   */
  static class LogisticOnAmount implements RiskModel {
    @Override
    public boolean reads(String feature) {
      return false;
    }

    @Override
    public String version() {
      return "logistic-1";
    }

    @Override
    public double probability(FeatureVector features, double amount) {
      return 1 / (1 + Math.exp(-(-3 + amount / 1000 + 0.5 * features.get("txn_count_1h"))));
    }

    @Override
    public List<FeatureContribution> contributions(FeatureVector features, double amount) {
      List<FeatureContribution> all = new ArrayList<>();
      all.add(new FeatureContribution("amount", amount, amount / 1000));
      double count = features.get("txn_count_1h");
      if (count != 0) {
        all.add(new FeatureContribution("txn_count_1h", count, 0.5 * count));
      }
      all.sort(Comparator.comparingDouble(FeatureContribution::contribution).reversed());
      return all;
    }
  }

  private final Scorer scorer =
      new Scorer(
          new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC)
              .load(new ByteArrayInputStream(RULES.getBytes(StandardCharsets.UTF_8)), "t"),
          RiskThresholds.DEFAULT);
  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);

  private Assessment assess(double amount) {
    Transaction t =
        Transaction.builder()
            .id("T" + amount)
            .timestamp(Instant.parse("2026-01-01T00:00:00Z"))
            .customer("C")
            .merchant("M")
            .amount(amount)
            .build();
    return scorer.assess(t, engine.featuresFor(t));
  }

  @Test
  void withoutAModelTheScoreIsTheRulesAlone() {
    Assessment a = assess(500);
    assertThat(a.riskScore()).isEqualTo(0.5);
    assertThat(a.modelScored()).isFalse();
    assertThat(a.modelScore()).isNaN();
    assertThat(a.contributions()).isEmpty();
  }

  @Test
  void ruleAndModelCombineAsIndependentEvidence() {
    scorer.replaceModel(new LogisticOnAmount());
    Assessment a = assess(500);
    double m = 1 / (1 + Math.exp(-(-3 + 0.5)));
    assertThat(a.ruleScore()).isEqualTo(0.5);
    assertThat(a.modelScore()).isCloseTo(m, within(1e-12));
    assertThat(a.riskScore()).isCloseTo(1 - 0.5 * (1 - m), within(1e-12));
    assertThat(a.modelVersion()).isEqualTo("logistic-1");
  }

  @Test
  void theModelAloneCanRaiseTheLevelAndExplainsWhy() {
    scorer.replaceModel(new LogisticOnAmount());
    Assessment a = assess(90); // no rule fires
    assertThat(a.ruleIds()).isEmpty();
    assertThat(a.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(a.contributions()).as("none below MEDIUM").isEmpty();
    assertThat(Explanation.of(a, Locale.ENGLISH)).containsExactly("No risk indicators found");

    scorer.removeModel();
    scorer.replaceModel(
        new LogisticOnAmount() {
          @Override
          public double probability(FeatureVector features, double amount) {
            return 0.7;
          }
        });
    Assessment b = assess(99);
    assertThat(b.riskScore()).isCloseTo(0.7, within(1e-12));
    assertThat(b.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(b.contributions())
        .extracting(FeatureContribution::feature)
        .containsExactly("amount");
    assertThat(Explanation.of(b, Locale.ENGLISH))
        .containsExactly("Risk model: amount = 99 raised the risk (+0.10 in log-odds)");
    assertThat(Explanation.of(b, Locale.forLanguageTag("pt-BR")))
        .containsExactly("Modelo de risco: amount = 99 elevou o risco (+0,10 em log-odds)");
  }

  @Test
  void ruleReasonsComeBeforeTheModelsAndOnlyUpwardContributionsAreKept() {
    scorer.replaceModel(
        new LogisticOnAmount() {
          @Override
          public List<FeatureContribution> contributions(FeatureVector features, double amount) {
            return List.of(
                new FeatureContribution("amount", amount, 1.25),
                new FeatureContribution("night_txn_count_24h", 2, 0.5),
                new FeatureContribution("velocity_score_1h", Double.NaN, 0.25),
                new FeatureContribution("txn_count_1h", 3, 0.125),
                new FeatureContribution("txn_count_24h", 0, -0.5));
          }
        });
    Assessment a = assess(2500);
    assertThat(a.contributions())
        .extracting(FeatureContribution::feature)
        .containsExactly("amount", "night_txn_count_24h", "velocity_score_1h");
    assertThat(Explanation.of(a, Locale.ENGLISH))
        .containsExactly(
            "over 100",
            "Risk model: amount = 2,500 raised the risk (+1.25 in log-odds)",
            "Risk model: night_txn_count_24h = 2 raised the risk (+0.50 in log-odds)",
            "Risk model: velocity_score_1h was not available, which raised the risk (+0.25 in"
                + " log-odds)");
  }

  @Test
  void removingTheModelRestoresRulesOnlyScoring() {
    scorer.replaceModel(new LogisticOnAmount());
    assertThat(assess(500).modelScored()).isTrue();
    scorer.removeModel();
    Assessment a = assess(500);
    assertThat(a.modelScored()).isFalse();
    assertThat(a.riskScore()).isEqualTo(0.5);
  }
}

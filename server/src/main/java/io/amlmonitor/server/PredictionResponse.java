package io.amlmonitor.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.rules.RuleOutcome;
import io.amlmonitor.core.scoring.FeatureContribution;
import io.amlmonitor.core.scoring.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answer to {@code POST /predict}: the score, its level, its parts (rules and model), the
 * features used and the reasons. The model's fields are absent when no model is promoted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionResponse(
    String transactionId,
    String customerId,
    String merchantId,
    String counterpartyId,
    BigDecimal amount,
    Instant timestamp,
    double riskScore,
    String riskLevel,
    double ruleScore,
    Double modelScore,
    String modelVersion,
    List<FiredRule> rulesFired,
    List<Contribution> modelContributions,
    Map<String, Number> featuresUsed,
    List<String> explanation,
    String ruleSetVersion,
    String alertId,
    String status,
    double processingTimeMs) {

  /** A rule that fired, as shown to clients. */
  public record FiredRule(String id, double score, String severity, String description) {
    static FiredRule of(RuleOutcome o) {
      return new FiredRule(o.ruleId(), o.score(), o.severity().name(), o.description());
    }
  }

  /**
   * An input that raised the model's score: its value (null when missing) and its SHAP value in
   * log-odds.
   */
  public record Contribution(String feature, Double value, double contribution) {
    static Contribution of(FeatureContribution c) {
      return new Contribution(
          c.feature(), Double.isNaN(c.value()) ? null : c.value(), round(c.contribution()));
    }
  }

  public static PredictionResponse of(Decision d, Locale locale) {
    var t = d.transaction();
    var a = d.assessment();
    return new PredictionResponse(
        t.id().value(),
        t.customerId().value(),
        t.merchantId() == null ? null : t.merchantId().value(),
        t.counterpartyId() == null ? null : t.counterpartyId().value(),
        t.amount().toBigDecimal(),
        t.timestamp(),
        round(d.riskScore()),
        d.riskLevel().name(),
        round(a.ruleScore()),
        a.modelScored() ? round(a.modelScore()) : null,
        a.modelVersion(),
        firedRules(d, locale),
        a.contributions().isEmpty()
            ? null
            : a.contributions().stream().map(Contribution::of).toList(),
        a.features().asMap(),
        d.explanation(locale),
        a.ruleSetVersion(),
        d.alert() == null ? null : d.alert().alertId(),
        d.placement().name().toLowerCase(Locale.ROOT),
        d.processingNanos() / 1_000_000.0);
  }

  /** The rules that fired, then the network typologies found (scored like a rule). */
  private static List<FiredRule> firedRules(Decision d, Locale locale) {
    List<FiredRule> out = new ArrayList<>();
    d.assessment().firedRules().forEach(o -> out.add(FiredRule.of(o)));
    Set<NetworkTypology> seen = EnumSet.noneOf(NetworkTypology.class);
    for (NetworkFinding f : d.networkFindings()) {
      if (seen.add(f.typology())) {
        out.add(
            new FiredRule(
                f.typology().id(),
                d.network().typologyScore(),
                d.riskLevel().name(),
                Messages.get(locale, "graph.typology." + f.typology().name())));
      }
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}

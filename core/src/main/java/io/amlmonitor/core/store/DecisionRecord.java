package io.amlmonitor.core.store;

import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scored transaction as the system of record keeps it: the score, the level, the rules that
 * fired, the versions that decided, and the exact feature values used, so that a decision can be
 * explained and replayed long after rules and models have changed.
 *
 * @param createdAt when the decision was made (processing time)
 * @param ruleSetVersion the rule set that scored it, or null when unknown
 * @param modelVersion the model that scored it, or null when no model took part
 * @param features the values used, by name in registry order: integers as {@link Long}, reals as
 *     {@link Double}
 * @param reasons the explanation frozen when it was made, in the locale of the service or flow that
 *     made it (empty when it was not kept)
 */
public record DecisionRecord(
    TransactionId transactionId,
    Instant createdAt,
    double riskScore,
    RiskLevel riskLevel,
    List<String> rulesFired,
    String ruleSetVersion,
    String modelVersion,
    Map<String, Number> features,
    List<String> reasons) {

  public DecisionRecord {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(riskLevel, "riskLevel");
    if (!(riskScore >= 0 && riskScore <= 1)) {
      throw new IllegalArgumentException("riskScore must be in [0, 1], was " + riskScore);
    }
    rulesFired = List.copyOf(rulesFired);
    reasons = List.copyOf(reasons);
    Map<String, Number> copy = new LinkedHashMap<>();
    features.forEach(
        (name, value) -> {
          if (!(value instanceof Long || value instanceof Double)) {
            throw new IllegalArgumentException(
                "feature " + name + " must be a Long or a Double, was " + value);
          }
          copy.put(Objects.requireNonNull(name, "feature name"), value);
        });
    features = Collections.unmodifiableMap(copy);
  }

  /** A decision whose explanation was not kept. */
  public DecisionRecord(
      TransactionId transactionId,
      Instant createdAt,
      double riskScore,
      RiskLevel riskLevel,
      List<String> rulesFired,
      String ruleSetVersion,
      String modelVersion,
      Map<String, Number> features) {
    this(
        transactionId,
        createdAt,
        riskScore,
        riskLevel,
        rulesFired,
        ruleSetVersion,
        modelVersion,
        features,
        List.of());
  }

  /**
   * The record of {@code decision}, made at {@code createdAt}, with the model that took part (if
   * any); the reasons are kept when it raised an alert.
   */
  public static DecisionRecord of(Decision decision, Instant createdAt) {
    Assessment a = decision.assessment();
    // With network typologies found, the final score, level and rules are the verdict's.
    return new DecisionRecord(
        decision.transaction().id(),
        createdAt,
        decision.riskScore(),
        decision.riskLevel(),
        decision.network() == null ? a.ruleIds() : decision.network().rules(),
        a.ruleSetVersion(),
        a.modelVersion(),
        a.features().asMap(),
        decision.alert() == null ? List.of() : decision.alert().reasons());
  }
}

package io.amlmonitor.core.scoring;

import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.rules.RuleOutcome;
import java.util.List;

/**
 * The risk of one transaction and everything behind it.
 *
 * @param riskScore the final score in [0, 1]: the rules' and the model's parts combined (see {@link
 *     Scorer})
 * @param ruleScore the rules' part: 1 - Π(1 - score of each fired rule)
 * @param firedRules the rules that fired, strongest first
 * @param ruleSetVersion the version of the rule set that scored it
 * @param modelScore the model's part in [0, 1]; NaN when no model scored it
 * @param modelVersion the version of the model that scored it; null when none did
 * @param contributions the inputs that raised the model's score most, strongest first; empty below
 *     MEDIUM or without a model
 */
public record Assessment(
    double riskScore,
    RiskLevel riskLevel,
    double ruleScore,
    List<RuleOutcome> firedRules,
    FeatureVector features,
    String ruleSetVersion,
    double modelScore,
    String modelVersion,
    List<FeatureContribution> contributions) {

  public Assessment {
    if (!(riskScore >= 0 && riskScore <= 1)) {
      throw new IllegalArgumentException("risk score must be in [0, 1], was " + riskScore);
    }
    if (!Double.isNaN(modelScore) && !(modelScore >= 0 && modelScore <= 1)) {
      throw new IllegalArgumentException("model score must be in [0, 1], was " + modelScore);
    }
    if (Double.isNaN(modelScore) != (modelVersion == null)) {
      throw new IllegalArgumentException(
          "a model score needs its model version and the reverse, were "
              + modelScore
              + " and "
              + modelVersion);
    }
    firedRules = List.copyOf(firedRules);
    contributions = List.copyOf(contributions);
  }

  /** An assessment by rules alone. */
  public Assessment(
      double riskScore,
      RiskLevel riskLevel,
      double ruleScore,
      List<RuleOutcome> firedRules,
      FeatureVector features,
      String ruleSetVersion) {
    this(
        riskScore,
        riskLevel,
        ruleScore,
        firedRules,
        features,
        ruleSetVersion,
        Double.NaN,
        null,
        List.of());
  }

  public List<String> ruleIds() {
    return firedRules.stream().map(RuleOutcome::ruleId).toList();
  }

  /** Whether a model took part in the score. */
  public boolean modelScored() {
    return modelVersion != null;
  }
}

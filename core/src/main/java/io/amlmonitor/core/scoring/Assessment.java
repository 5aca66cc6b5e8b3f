package io.amlmonitor.core.scoring;

import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.rules.RuleOutcome;
import java.util.List;

/**
 * The risk of one transaction and everything behind it.
 *
 * @param riskScore the final score in [0, 1]
 * @param ruleScore the rules' part: 1 - Π(1 - score of each fired rule)
 * @param firedRules the rules that fired, strongest first
 * @param ruleSetVersion the version of the rule set that scored it
 */
public record Assessment(
    double riskScore,
    RiskLevel riskLevel,
    double ruleScore,
    List<RuleOutcome> firedRules,
    FeatureVector features,
    String ruleSetVersion) {

  public Assessment {
    if (!(riskScore >= 0 && riskScore <= 1)) {
      throw new IllegalArgumentException("risk score must be in [0, 1], was " + riskScore);
    }
    firedRules = List.copyOf(firedRules);
  }

  public List<String> ruleIds() {
    return firedRules.stream().map(RuleOutcome::ruleId).toList();
  }
}

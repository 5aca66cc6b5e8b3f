package io.amlmonitor.core.scoring;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.rules.RuleOutcome;
import io.amlmonitor.core.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a transaction and its features into a risk score, a level and the reasons.
 *
 * <p>Rules combine as independent pieces of evidence ("noisy-OR"): {@code 1 - Π(1 - s_i)}. One
 * strong indicator gives its own score, several weak ones add up, and the result never leaves [0,
 * 1] however many rules fire. The rule set can be replaced while scoring goes on.
 */
public final class Scorer {
  private static final Comparator<RuleOutcome> STRONGEST_FIRST =
      Comparator.comparingDouble(RuleOutcome::score)
          .reversed()
          .thenComparing(RuleOutcome::severity, Comparator.reverseOrder());

  private final AtomicReference<RuleSet> rules;
  private final RiskThresholds thresholds;

  public Scorer(RuleSet rules, RiskThresholds thresholds) {
    this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  public Assessment assess(Transaction t, FeatureVector features) {
    RuleSet set = rules.get();
    List<RuleOutcome> fired = new ArrayList<>(set.evaluate(t, features));
    fired.sort(STRONGEST_FIRST);
    double survival = 1;
    for (RuleOutcome outcome : fired) {
      survival *= 1 - outcome.score();
    }
    double ruleScore = 1 - survival;
    return new Assessment(
        ruleScore, thresholds.levelOf(ruleScore), ruleScore, fired, features, set.version());
  }

  public RuleSet ruleSet() {
    return rules.get();
  }

  /** Replaces the rule set for every later assessment. */
  public void replaceRules(RuleSet newRules) {
    rules.set(Objects.requireNonNull(newRules, "newRules"));
  }

  public RiskThresholds thresholds() {
    return thresholds;
  }
}

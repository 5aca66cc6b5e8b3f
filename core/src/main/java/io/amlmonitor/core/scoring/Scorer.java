package io.amlmonitor.core.scoring;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.rules.RuleOutcome;
import io.amlmonitor.core.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a transaction and its features into a risk score, a level and the reasons.
 *
 * <p>Rules combine as independent pieces of evidence ("noisy-OR"): {@code 1 - Π(1 - s_i)}. One
 * strong indicator gives its own score, several weak ones add up, and the result never leaves [0,
 * 1] however many rules fire. When a {@link RiskModel} is set, its score {@code m} is one more such
 * piece of evidence: {@code risk = 1 - (1 - rules)(1 - m)} (docs/scoring.md says why). Without a
 * model the score is the rules' alone, exactly as before. From MEDIUM up, the model's strongest
 * {@value #TOP_CONTRIBUTIONS} upward contributions are kept to explain it. The rule set and the
 * model can be replaced while scoring goes on.
 */
public final class Scorer {
  /** How many of the model's contributions an assessment keeps. */
  public static final int TOP_CONTRIBUTIONS = 3;

  private static final Comparator<RuleOutcome> STRONGEST_FIRST =
      Comparator.comparingDouble(RuleOutcome::score)
          .reversed()
          .thenComparing(RuleOutcome::severity, Comparator.reverseOrder());

  private final AtomicReference<RuleSet> rules;
  private final AtomicReference<RiskModel> model = new AtomicReference<>();
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
    RiskModel current = model.get();
    if (current == null) {
      return new Assessment(
          ruleScore, thresholds.levelOf(ruleScore), ruleScore, fired, features, set.version());
    }
    double amount = t.amount().toDouble();
    double modelScore = current.probability(features, amount);
    double risk = 1 - survival * (1 - modelScore);
    RiskLevel level = thresholds.levelOf(risk);
    List<FeatureContribution> top =
        level == RiskLevel.LOW
            ? List.of()
            : current.strongestContributions(features, amount, TOP_CONTRIBUTIONS);
    return new Assessment(
        risk, level, ruleScore, fired, features, set.version(), modelScore, current.version(), top);
  }

  /** Whether the current rules or model read the feature {@code name}. */
  public boolean reads(String name) {
    RiskModel m = model.get();
    return rules.get().reads(name) || (m != null && m.reads(name));
  }

  public RuleSet ruleSet() {
    return rules.get();
  }

  /** Replaces the rule set for every later assessment. */
  public void replaceRules(RuleSet newRules) {
    rules.set(Objects.requireNonNull(newRules, "newRules"));
  }

  /** The model in use, if any. */
  public Optional<RiskModel> model() {
    return Optional.ofNullable(model.get());
  }

  /** Scores every later assessment with {@code newModel} as well as the rules. */
  public void replaceModel(RiskModel newModel) {
    model.set(Objects.requireNonNull(newModel, "newModel"));
  }

  /** Scores every later assessment by the rules alone. */
  public void removeModel() {
    model.set(null);
  }

  public RiskThresholds thresholds() {
    return thresholds;
  }
}

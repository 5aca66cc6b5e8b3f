package io.amlmonitor.core.rules;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureVector;
import java.util.Locale;

/**
 * A rule that fired for a transaction: its id, its weight and a reason a person can read, rendered
 * from the values that made it fire. Scoring uses outcomes and never re-derives them.
 */
public final class RuleOutcome {
  private final Rule rule;
  private final RuleVariables variables;
  private final Transaction transaction;
  private final FeatureVector features;

  RuleOutcome(Rule rule, RuleVariables variables, Transaction transaction, FeatureVector features) {
    this.rule = rule;
    this.variables = variables;
    this.transaction = transaction;
    this.features = features;
  }

  public String ruleId() {
    return rule.id();
  }

  public String description() {
    return rule.description();
  }

  public double score() {
    return rule.score();
  }

  public Severity severity() {
    return rule.severity();
  }

  /** The reason as a sentence in {@code locale} (English when the rule has none in it). */
  public String reason(Locale locale) {
    return rule.reason(locale, variables, transaction, features);
  }

  @Override
  public String toString() {
    return rule.id() + "(" + rule.score() + ")";
  }
}

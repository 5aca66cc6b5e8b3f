package io.amlmonitor.core.rules;

import dev.cel.runtime.CelEvaluationException;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * A versioned, compiled set of rules. Immutable and thread-safe; evaluating it has no side effects
 * beyond counting rules that failed at run time.
 */
public final class RuleSet {
  private final String version;
  private final String source;
  private final List<Rule> rules;
  private final RuleVariables variables;
  private final LongAdder evaluationErrors = new LongAdder();
  private final Set<String> reads;

  /**
   * @param reads every name the rules' conditions and reasons read
   */
  RuleSet(
      String version, String source, List<Rule> rules, RuleVariables variables, Set<String> reads) {
    this.version = version;
    this.source = source;
    this.rules = List.copyOf(rules);
    this.variables = variables;
    this.reads = Set.copyOf(reads);
  }

  /**
   * Whether a rule's condition or reason reads {@code name}: a feature computed only on demand (the
   * graph's) is computed for this set only when it does.
   */
  public boolean reads(String name) {
    return reads.contains(name);
  }

  public String version() {
    return version;
  }

  /** Where the rules came from (a file path or a classpath resource). */
  public String source() {
    return source;
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * The rules that fire for {@code t} with {@code features}, in file order. A rule whose condition
   * fails at run time does not fire and is counted in {@link #evaluationErrors()}.
   */
  public List<RuleOutcome> evaluate(Transaction t, FeatureVector features) {
    List<RuleOutcome> fired = new ArrayList<>(4);
    for (Rule rule : rules) {
      try {
        if (rule.matches(variables, t, features)) {
          fired.add(new RuleOutcome(rule, variables, t, features));
        }
      } catch (CelEvaluationException e) {
        evaluationErrors.increment();
      }
    }
    return fired;
  }

  /** Rule conditions that failed at run time since this set was loaded. */
  public long evaluationErrors() {
    return evaluationErrors.sum();
  }
}

package io.amlmonitor.core.report;

import java.util.List;

/**
 * How many alerts of a period share one combination of rules fired under one rule-set version: the
 * unit from which alerts are counted by typology (an alert whose rules span two typologies counts
 * once in each, and once only in a typology two of its rules share).
 *
 * @param ruleSetVersion the version that scored the alerts, null when they do not say
 * @param rules the rules that fired, as the alerts list them
 */
public record AlertPattern(String ruleSetVersion, List<String> rules, long alerts) {
  public AlertPattern {
    rules = List.copyOf(rules);
    if (alerts < 0) {
      throw new IllegalArgumentException("alerts must not be negative, was " + alerts);
    }
  }
}

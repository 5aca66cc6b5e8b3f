package io.amlmonitor.core.scoring;

import io.amlmonitor.core.rules.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an assessment into sentences a compliance analyst can read: the fired rules' reasons,
 * strongest first, then the inputs that raised the model's score most.
 */
public final class Explanation {
  private Explanation() {}

  public static List<String> of(Assessment assessment, Locale locale) {
    List<String> sentences = new ArrayList<>();
    for (RuleOutcome outcome : assessment.firedRules()) {
      sentences.add(outcome.reason(locale));
    }
    for (FeatureContribution c : assessment.contributions()) {
      sentences.add(sentence(c, locale));
    }
    if (sentences.isEmpty()) {
      sentences.add(Messages.get(locale, "explanation.none"));
    }
    return sentences;
  }

  /** One contribution as a sentence, e.g. "The risk model: amount = 9,800 raised the risk". */
  static String sentence(FeatureContribution c, Locale locale) {
    if (Double.isNaN(c.value())) {
      return Messages.get(locale, "explanation.model.missing", c.feature(), c.contribution());
    }
    return Messages.get(locale, "explanation.model", c.feature(), c.value(), c.contribution());
  }
}

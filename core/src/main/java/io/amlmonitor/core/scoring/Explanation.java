package io.amlmonitor.core.scoring;

import io.amlmonitor.core.rules.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an assessment into sentences a compliance analyst can read, strongest reason first. */
public final class Explanation {
  private Explanation() {}

  public static List<String> of(Assessment assessment, Locale locale) {
    List<String> sentences = new ArrayList<>();
    for (RuleOutcome outcome : assessment.firedRules()) {
      sentences.add(outcome.reason(locale));
    }
    if (sentences.isEmpty()) {
      sentences.add(Messages.get(locale, "explanation.none"));
    }
    return sentences;
  }
}

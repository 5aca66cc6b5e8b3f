package io.amlmonitor.core.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureVector;
import java.util.Locale;
import java.util.Map;

/**
 * One rule of a rule set, compiled: its condition is a CEL program checked against the features and
 * the transaction when the file was loaded.
 *
 * @param score how much risk the rule adds when it fires, in (0, 1]
 * @param line where the rule starts in its file
 */
public record Rule(
    String id,
    String description,
    String condition,
    double score,
    Severity severity,
    int line,
    CelRuntime.Program program,
    Map<String, ReasonTemplate> reasons) {

  /**
   * Whether the rule fires for {@code t}.
   *
   * @throws CelEvaluationException when the condition fails at run time (a division by zero, say)
   */
  boolean matches(RuleVariables variables, Transaction t, FeatureVector features)
      throws CelEvaluationException {
    Object result = program.eval(name -> variables.find(name, t, features));
    return Boolean.TRUE.equals(result);
  }

  /** The reason in {@code locale}, falling back to its language, then to English. */
  String reason(Locale locale, RuleVariables variables, Transaction t, FeatureVector features) {
    ReasonTemplate template = reasons.get(locale.toLanguageTag());
    if (template == null) {
      template = reasons.get(locale.getLanguage());
    }
    if (template == null) {
      template = reasons.get("en");
    }
    return template.render(locale, name -> variables.value(name, t, features));
  }
}

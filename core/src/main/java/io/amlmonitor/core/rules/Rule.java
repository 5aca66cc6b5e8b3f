package io.amlmonitor.core.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureVector;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule of a rule set, compiled: its condition is a CEL program checked against the features and
 * the transaction when the file was loaded.
 *
 * @param score how much risk the rule adds when it fires, in (0, 1]
 * @param line where the rule starts in its file
 * @param typology the laundering pattern the rule looks for, in lower_snake_case (such as {@code
 *     structuring} or {@code rapid_movement}); {@link #OTHER_TYPOLOGY} when the file gives none
 *     (null is taken as that). Reports count alerts by it.
 */
public record Rule(
    String id,
    String description,
    String condition,
    double score,
    Severity severity,
    int line,
    CelRuntime.Program program,
    Map<String, ReasonTemplate> reasons,
    String typology) {
  /** The typology of a rule whose file does not name one. */
  public static final String OTHER_TYPOLOGY = "other";

  private static final Pattern TYPOLOGY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  /**
   * @throws IllegalArgumentException when {@code typology} is not lower_snake_case
   */
  public Rule {
    if (typology == null) {
      typology = OTHER_TYPOLOGY;
    }
    if (!isTypology(typology)) {
      throw new IllegalArgumentException(
          "typology must be lower_snake_case such as rapid_movement, was '" + typology + "'");
    }
  }

  /** A rule of {@link #OTHER_TYPOLOGY}: the shape rules had before they named a typology. */
  public Rule(
      String id,
      String description,
      String condition,
      double score,
      Severity severity,
      int line,
      CelRuntime.Program program,
      Map<String, ReasonTemplate> reasons) {
    this(id, description, condition, score, severity, line, program, reasons, OTHER_TYPOLOGY);
  }

  /** Whether {@code text} is a well-formed typology: lower_snake_case, starting with a letter. */
  public static boolean isTypology(String text) {
    return text != null && TYPOLOGY.matcher(text).matches();
  }

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

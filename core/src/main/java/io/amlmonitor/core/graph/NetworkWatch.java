package io.amlmonitor.core.graph;

import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Messages;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.scoring.RiskThresholds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the monitoring flow watches the network: a fresh graph per run, where findings are kept, and
 * how much a finding adds to a transaction's score.
 *
 * <p>A finding counts like a rule that fired with {@code score}: the transaction's score becomes
 * {@code 1 - (1 - rules) · (1 - score)^typologies}, the typology's id joins the fired rules and its
 * detail the reasons, so the alert flow raises an alert for it like for any rule, and the subgraph
 * stays with the finding under the transaction's id.
 *
 * @param graphs a new, empty graph for each run
 * @param score the score of one typology found, in (0, 1]
 */
public record NetworkWatch(
    Supplier<TransactionGraph> graphs, NetworkFindingRepository findings, double score) {

  public NetworkWatch {
    Objects.requireNonNull(graphs, "graphs");
    Objects.requireNonNull(findings, "findings");
    if (!(score > 0 && score <= 1)) {
      throw new IllegalArgumentException("network typology score must be in (0, 1], was " + score);
    }
  }

  /** The default score of one typology: HIGH, above the default alert threshold. */
  public static final double DEFAULT_SCORE = 0.7;

  /** An assessment's score, level, rules and reasons with {@code found} added. */
  public Verdict verdict(
      Assessment a, List<NetworkFinding> found, RiskThresholds thresholds, Locale locale) {
    Set<String> rules = new LinkedHashSet<>(a.ruleIds());
    List<String> reasons = new ArrayList<>();
    double survival = 1 - a.riskScore();
    Set<NetworkTypology> seen = new LinkedHashSet<>();
    for (NetworkFinding f : found) {
      rules.add(f.typology().id());
      reasons.add(reason(f, locale));
      if (seen.add(f.typology())) {
        survival *= 1 - score;
      }
    }
    double s = 1 - survival;
    return new Verdict(s, thresholds.levelOf(s), List.copyOf(rules), reasons, found, score);
  }

  /** A finding as a sentence in {@code locale}; the detail names accounts, in English. */
  public static String reason(NetworkFinding f, Locale locale) {
    return Messages.get(
        locale,
        "graph.finding",
        Messages.get(locale, "graph.typology." + f.typology().name()),
        f.detail());
  }

  /**
   * A decision's values once network findings are added.
   *
   * @param typologyScore what each typology found counted for
   */
  public record Verdict(
      double riskScore,
      RiskLevel riskLevel,
      List<String> rules,
      List<String> networkReasons,
      List<NetworkFinding> findings,
      double typologyScore) {
    public Verdict {
      rules = List.copyOf(rules);
      networkReasons = List.copyOf(networkReasons);
      findings = List.copyOf(findings);
    }
  }
}

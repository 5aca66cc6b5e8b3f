package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Explanation;
import io.amlmonitor.core.scoring.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the system decided about one transaction: its assessment, whether it entered the windows,
 * and the alert it raised, if any.
 *
 * @param processingNanos time from receipt to decision inside the core
 */
public record Decision(
    Transaction transaction,
    Assessment assessment,
    Placement placement,
    Alert alert,
    long processingNanos,
    NetworkWatch.Verdict network) {

  /** A decision in which the network played no part. */
  public Decision(
      Transaction transaction,
      Assessment assessment,
      Placement placement,
      Alert alert,
      long processingNanos) {
    this(transaction, assessment, placement, alert, processingNanos, null);
  }

  /** The final score: the assessment's, raised by the network typologies found, if any. */
  public double riskScore() {
    return network == null ? assessment.riskScore() : network.riskScore();
  }

  public io.amlmonitor.core.scoring.RiskLevel riskLevel() {
    return network == null ? assessment.riskLevel() : network.riskLevel();
  }

  /** The network typologies this transaction completed (empty when none or not watched). */
  public List<NetworkFinding> networkFindings() {
    return network == null ? List.of() : network.findings();
  }

  public Optional<Alert> raisedAlert() {
    return Optional.ofNullable(alert);
  }

  /** The explanation in {@code locale}: the reasons, then any note on how it was counted. */
  public List<String> explanation(Locale locale) {
    List<String> sentences = new ArrayList<>();
    for (NetworkFinding f : networkFindings()) {
      sentences.add(NetworkWatch.reason(f, locale));
    }
    if (sentences.isEmpty() || !assessment.firedRules().isEmpty()) {
      sentences.addAll(Explanation.of(assessment, locale));
    }
    if (placement == Placement.DUPLICATE) {
      sentences.add(Messages.get(locale, "explanation.duplicate", transaction.id().value()));
    } else if (placement == Placement.LATE) {
      sentences.add(Messages.get(locale, "explanation.late"));
    }
    return sentences;
  }
}

package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
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
    long processingNanos) {

  public Optional<Alert> raisedAlert() {
    return Optional.ofNullable(alert);
  }

  /** The explanation in {@code locale}: the reasons, then any note on how it was counted. */
  public List<String> explanation(Locale locale) {
    List<String> sentences = new ArrayList<>(Explanation.of(assessment, locale));
    if (placement == Placement.DUPLICATE) {
      sentences.add(Messages.get(locale, "explanation.duplicate", transaction.id().value()));
    } else if (placement == Placement.LATE) {
      sentences.add(Messages.get(locale, "explanation.late"));
    }
    return sentences;
  }
}

package io.amlmonitor.core.cases;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.DecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything about one case an analyst reviews: the case, each alert with the transaction and the
 * decision (features, rules) behind it, the evidence attached by hand, and the audit trail.
 */
public record CaseFile(
    Case kase, List<AlertEvidence> alerts, List<Attachment> attachments, List<CaseEvent> timeline) {

  public CaseFile {
    Objects.requireNonNull(kase, "kase");
    alerts = List.copyOf(alerts);
    attachments = List.copyOf(attachments);
    timeline = List.copyOf(timeline);
  }

  /**
   * An alert with what raised it.
   *
   * @param transaction the alert's transaction, or null when the store does not have it
   * @param decision the stored decision with the feature values used, or null when not stored
   */
  public record AlertEvidence(Alert alert, Transaction transaction, DecisionRecord decision) {
    public AlertEvidence {
      Objects.requireNonNull(alert, "alert");
    }
  }

  /**
   * Evidence attached by hand.
   *
   * @param note why it was attached, or null
   * @param transaction the transaction a {@code transaction:} reference names, when stored
   */
  public record Attachment(
      EvidenceRef ref, String note, String actor, Instant attachedAt, Transaction transaction) {
    public Attachment {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(attachedAt, "attachedAt");
    }
  }
}

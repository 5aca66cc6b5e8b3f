package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's alerts under review, as they stand now: the sum of the case's events (see {@link
 * #apply}).
 *
 * @param assignee who works on the case, or null while nobody does
 * @param updatedAt when the last event happened
 * @param closedAt when the case was closed, or null while it is not
 * @param alertCount how many alerts the case groups
 */
public record Case(
    CaseId id,
    CustomerId customerId,
    CaseStatus status,
    String assignee,
    Instant openedAt,
    Instant updatedAt,
    Instant closedAt,
    int alertCount) {

  public Case {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (status.isClosed() != (closedAt != null)) {
      throw new IllegalArgumentException(
          "case " + id + " is " + status + " but closedAt is " + closedAt);
    }
    if (alertCount < 0) {
      throw new IllegalArgumentException("alertCount must not be negative, was " + alertCount);
    }
  }

  /** A case just opened, with no alert yet. */
  public static Case opened(CaseId id, CustomerId customerId, Instant at) {
    return new Case(id, customerId, CaseStatus.OPEN, null, at, at, null, 0);
  }

  /**
   * The case after {@code event}, which must be about this case and start from its status.
   *
   * @throws IllegalArgumentException when the event does not follow from this state
   */
  public Case apply(CaseEvent event) {
    if (!event.caseId().equals(id) || event.fromStatus() != status) {
      throw new IllegalArgumentException(
          "event " + event.kind() + " from " + event.fromStatus() + " does not apply to " + this);
    }
    CaseStatus to = event.toStatus();
    return new Case(
        id,
        customerId,
        to,
        event.kind() == CaseEventKind.ASSIGNED ? event.detail() : assignee,
        openedAt,
        event.occurredAt(),
        to.isClosed() ? (closedAt == null ? event.occurredAt() : closedAt) : null,
        event.kind() == CaseEventKind.ALERT_ATTACHED ? alertCount + 1 : alertCount);
  }
}

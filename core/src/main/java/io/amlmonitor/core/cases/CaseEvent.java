package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.Checks;
import io.amlmonitor.core.domain.InvalidFieldException;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a case's audit trail: who did what, when, from which status to which, and why.
 * Events are only ever appended; the case's current state is what its events add up to.
 *
 * @param actor who made the change: an analyst's name, or a flow such as {@code alert_generation}
 * @param fromStatus the status before; null only when the case was opened
 * @param toStatus the status after (the same as before for everything but a transition)
 * @param reason the human part: why a status changed, the comment, a note on an assignment or on
 *     evidence; null when none was given
 * @param detail the machine part: the alert attached, the new assignee, the evidence's reference
 */
public record CaseEvent(
    CaseId caseId,
    CaseEventKind kind,
    String actor,
    Instant occurredAt,
    CaseStatus fromStatus,
    CaseStatus toStatus,
    String reason,
    String detail) {
  /** Longest reason or comment accepted, in characters. */
  public static final int MAX_REASON = 10_000;

  public CaseEvent {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    actor = actor(actor);
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(toStatus, "toStatus");
    if ((fromStatus == null) != (kind == CaseEventKind.OPENED)) {
      throw new IllegalArgumentException(
          kind + " event needs " + (fromStatus == null ? "a" : "no") + " from status");
    }
    reason = text("reason", reason);
    detail = detail == null || detail.isBlank() ? null : detail.strip();
  }

  /** The opening of {@code caseId} by {@code alertId}'s arrival. */
  public static CaseEvent opened(CaseId caseId, String alertId, String actor, Instant at) {
    return new CaseEvent(
        caseId, CaseEventKind.OPENED, actor, at, null, CaseStatus.OPEN, null, alertId);
  }

  /** {@code alertId} joining {@code caseId}, which is in {@code status}. */
  public static CaseEvent alertAttached(
      CaseId caseId, CaseStatus status, String alertId, String actor, Instant at) {
    return new CaseEvent(
        caseId, CaseEventKind.ALERT_ATTACHED, actor, at, status, status, null, alertId);
  }

  /** An actor's name, checked like an id: non-blank, at most 128 characters. */
  public static String actor(String actor) {
    return Checks.id("actor", actor == null ? null : actor.strip());
  }

  /** Optional free text: stripped, null when blank, at most {@link #MAX_REASON} characters. */
  static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > MAX_REASON) {
      throw new InvalidFieldException(
          field, "is " + stripped.length() + " characters long; at most " + MAX_REASON);
    }
    return stripped;
  }
}

package io.amlmonitor.core.cases;

/** What a case event records. */
public enum CaseEventKind {
  /** The case was opened (from no status to OPEN); {@code detail} is the alert that opened it. */
  OPENED,
  /** An alert joined the case; {@code detail} is its id. */
  ALERT_ATTACHED,
  /** The case was given to someone; {@code detail} is the new assignee. */
  ASSIGNED,
  /** Someone commented; {@code reason} is the comment. */
  COMMENTED,
  /** The status changed from {@code fromStatus} to {@code toStatus}, for {@code reason}. */
  TRANSITIONED,
  /** Evidence was attached by hand; {@code detail} is its reference, {@code reason} the note. */
  EVIDENCE_ATTACHED
}

package io.amlmonitor.core.cases;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The case workflow: grouping alerts into one open case per customer, assignment, comments,
 * evidence and status changes along {@link CaseStatus}'s table, each recorded in the audit trail
 * with who, when and why; and what is read from cases (files, SAR drafts, counts, throughput,
 * ageing, dispositions). "Now" comes from the injected clock.
 */
public final class CaseService {
  private final CaseRepository cases;
  private final EvidenceSource evidence;
  private final InstantSource clock;
  private final Supplier<CaseId> newIds;

  /**
   * @param newIds the id of each case to open (asked for on every attach that may open one)
   */
  public CaseService(
      CaseRepository cases, EvidenceSource evidence, InstantSource clock, Supplier<CaseId> newIds) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.newIds = Objects.requireNonNull(newIds, "newIds");
  }

  /** A service opening cases with random ids ({@link CaseId#random}). */
  public CaseService(CaseRepository cases, EvidenceSource evidence, InstantSource clock) {
    this(cases, evidence, clock, CaseId::random);
  }

  /**
   * Attaches {@code alert} to its customer's open case, opening one when there is none; what the
   * alert_generation flow calls for every alert it raises. Idempotent per alert and safe under
   * concurrent callers (see {@link CaseRepository#attachToOpenCase}).
   *
   * @param actor who attaches, such as {@code alert_generation}
   */
  public AlertAttachment attachAlert(Alert alert, String actor) {
    return cases.attachToOpenCase(alert, newIds.get(), CaseEvent.actor(actor), clock.instant());
  }

  /**
   * The case with {@code id}.
   *
   * @throws CaseNotFoundException when there is none
   */
  public Case get(CaseId id) {
    return cases.find(id).orElseThrow(() -> new CaseNotFoundException(id));
  }

  public List<Case> find(CaseQuery query) {
    return cases.find(query);
  }

  public long count(CaseQuery query) {
    return cases.count(query);
  }

  /**
   * Gives the case to {@code assignee}.
   *
   * @param note why, or null
   * @throws CaseWorkflowException when the case is closed
   */
  public Case assign(CaseId id, String assignee, String note, String actor) {
    String who = CaseEvent.actor(actor);
    String to = checkedAssignee(assignee);
    return cases.change(
        id,
        c -> {
          refuseWhenClosed(c, "case.closed.assign");
          return new CaseEvent(
              id, CaseEventKind.ASSIGNED, who, clock.instant(), c.status(), c.status(), note, to);
        });
  }

  /**
   * Adds a comment to the trail; allowed on closed cases too (a note on the filing, say), since it
   * changes nothing but the trail.
   */
  public Case comment(CaseId id, String text, String actor) {
    String who = CaseEvent.actor(actor);
    String comment = CaseEvent.text("comment", text);
    if (comment == null) {
      throw new CaseWorkflowException("case.comment.required", "comment");
    }
    return cases.change(
        id,
        c ->
            new CaseEvent(
                id,
                CaseEventKind.COMMENTED,
                who,
                clock.instant(),
                c.status(),
                c.status(),
                comment,
                null));
  }

  /**
   * Moves the case to {@code target}.
   *
   * @param reason why; required when {@code target} closes the case
   * @throws IllegalTransitionException when the table does not allow it from the current status
   * @throws CaseWorkflowException when closing without a reason
   */
  public Case transition(CaseId id, CaseStatus target, String reason, String actor) {
    String who = CaseEvent.actor(actor);
    String why = CaseEvent.text("reason", reason);
    Objects.requireNonNull(target, "target");
    return cases.change(
        id,
        c -> {
          if (!c.status().canMoveTo(target)) {
            throw new IllegalTransitionException(id, c.status(), target);
          }
          if (target.isClosed() && why == null) {
            throw new CaseWorkflowException("case.reason.required", "reason", target.name());
          }
          return new CaseEvent(
              id, CaseEventKind.TRANSITIONED, who, clock.instant(), c.status(), target, why, null);
        });
  }

  /**
   * Attaches evidence by hand: a stored transaction (checked to exist) or a document reference.
   *
   * @param note why it matters, or null
   * @throws CaseWorkflowException when the case is closed or the transaction is not stored
   */
  public Case attachEvidence(CaseId id, EvidenceRef ref, String note, String actor) {
    String who = CaseEvent.actor(actor);
    String why = CaseEvent.text("note", note);
    if (ref.kind() == EvidenceRef.Kind.TRANSACTION
        && evidence.transaction(TransactionId.of(ref.reference())).isEmpty()) {
      throw new CaseWorkflowException(
          "case.evidence.unknownTransaction", "reference", ref.reference());
    }
    return cases.change(
        id,
        c -> {
          refuseWhenClosed(c, "case.closed.evidence");
          return new CaseEvent(
              id,
              CaseEventKind.EVIDENCE_ATTACHED,
              who,
              clock.instant(),
              c.status(),
              c.status(),
              why,
              ref.toString());
        });
  }

  /**
   * The case with its alerts, the transactions and decisions behind them, its attachments and its
   * trail.
   *
   * @throws CaseNotFoundException when there is none
   */
  public CaseFile file(CaseId id) {
    Case c = get(id);
    List<CaseFile.AlertEvidence> alerts = new ArrayList<>();
    for (Alert a : cases.alerts(id)) {
      alerts.add(
          new CaseFile.AlertEvidence(
              a,
              evidence.transaction(a.transactionId()).orElse(null),
              evidence.decision(a.transactionId()).orElse(null)));
    }
    List<CaseEvent> timeline = cases.events(id);
    List<CaseFile.Attachment> attachments = new ArrayList<>();
    for (CaseEvent e : timeline) {
      if (e.kind() == CaseEventKind.EVIDENCE_ATTACHED) {
        EvidenceRef ref = EvidenceRef.parse(e.detail());
        Transaction t =
            ref.kind() == EvidenceRef.Kind.TRANSACTION
                ? evidence.transaction(TransactionId.of(ref.reference())).orElse(null)
                : null;
        attachments.add(new CaseFile.Attachment(ref, e.reason(), e.actor(), e.occurredAt(), t));
      }
    }
    return new CaseFile(c, alerts, attachments, timeline);
  }

  /**
   * The suspicious-activity report draft of a case closed as SAR.
   *
   * @throws CaseNotFoundException when there is no such case
   * @throws CaseWorkflowException when it is not closed as SAR
   */
  public SarReport sar(CaseId id) {
    CaseFile file = file(id);
    var customer = file.kase().customerId();
    return SarReport.of(
        file,
        evidence.customer(customer).orElse(null),
        evidence.rating(customer).orElse(null),
        clock.instant());
  }

  /** How many cases are in each status, every status present. */
  public Map<CaseStatus, Long> countByStatus() {
    return cases.countByStatus();
  }

  /** Cases opened and closed per calendar day in {@code zone}, over {@code range}. */
  public SortedMap<LocalDate, DailyCaseCounts> perDay(TimeRange range, ZoneId zone) {
    return DailyCaseCounts.of(cases, range, zone);
  }

  /** How long the open cases have waited, now. */
  public CaseAgeing ageing() {
    return CaseAgeing.of(cases, clock.instant());
  }

  /** Streams the dispositions of the alerts in cases closed in {@code closedIn}. */
  public long forEachDisposition(TimeRange closedIn, Consumer<? super AlertDisposition> action) {
    return cases.forEachDisposition(closedIn, action);
  }

  private static void refuseWhenClosed(Case c, String key) {
    if (c.status().isClosed()) {
      throw new CaseWorkflowException(key, null, c.id().value(), c.status().name());
    }
  }

  private static String checkedAssignee(String assignee) {
    try {
      return CaseEvent.actor(assignee);
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException("assignee", e.reason());
    }
  }
}

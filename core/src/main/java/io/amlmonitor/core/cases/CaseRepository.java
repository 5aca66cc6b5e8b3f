package io.amlmonitor.core.cases;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where cases, the alerts they group and their append-only audit trail are kept. Every change is
 * one atomic step that appends its event: the case's state and its trail never disagree.
 */
public interface CaseRepository {
  /**
   * Attaches {@code alert} to its customer's one case that is not closed, opening a case with id
   * {@code newCaseId} when there is none. Idempotent per alert: an alert already in a case (open or
   * closed) changes nothing. Safe under concurrent callers, in this process and in others sharing
   * the store: two alerts of one customer never open two cases.
   *
   * <p>Appends {@link CaseEventKind#OPENED} when it opens a case, then {@link
   * CaseEventKind#ALERT_ATTACHED}, both by {@code actor} at {@code at}.
   */
  AlertAttachment attachToOpenCase(Alert alert, CaseId newCaseId, String actor, Instant at);

  Optional<Case> find(CaseId id);

  /**
   * Applies the event {@code change} decides, holding the case so that no other change comes in
   * between, and appends the event to the trail.
   *
   * @return the case after the change
   * @throws CaseNotFoundException when there is no such case
   * @throws CaseWorkflowException whatever {@code change} throws, with nothing recorded
   */
  Case change(CaseId id, CaseChange change);

  /** One page of the cases {@code query} selects, newest opened first (ties by id, descending). */
  List<Case> find(CaseQuery query);

  /** How many cases pass {@code query}'s filters, paging aside. */
  long count(CaseQuery query);

  /** How many cases are in each status, every status present (zero included), in status order. */
  Map<CaseStatus, Long> countByStatus();

  /** The alerts the case groups, in the order they were attached. */
  List<Alert> alerts(CaseId id);

  /** The case's audit trail, oldest first (the order appended). */
  List<CaseEvent> events(CaseId id);

  /** The case an alert was attached to, if any. */
  Optional<CaseId> caseOf(String alertId);

  /**
   * Streams every case opened or closed in {@code range}, oldest opened first, without holding them
   * all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEachOpenedOrClosedIn(TimeRange range, Consumer<? super Case> action);

  /**
   * Streams every case not closed, oldest opened first, without holding them all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEachOpen(Consumer<? super Case> action);

  /**
   * Streams the disposition of every alert in a case closed in {@code closedIn}, in closing order
   * (ties by case, then by alert as attached), without holding them all in memory.
   *
   * @return how many were passed to {@code action}
   */
  long forEachDisposition(TimeRange closedIn, Consumer<? super AlertDisposition> action);
}

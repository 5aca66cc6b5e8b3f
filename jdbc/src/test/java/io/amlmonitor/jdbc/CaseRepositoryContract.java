package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.cases.AlertAttachment;
import io.amlmonitor.core.cases.AlertDisposition;
import io.amlmonitor.core.cases.Case;
import io.amlmonitor.core.cases.CaseEvent;
import io.amlmonitor.core.cases.CaseEventKind;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseNotFoundException;
import io.amlmonitor.core.cases.CaseQuery;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.CaseWorkflowException;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CaseRepository} must do: run against the in-memory repository and each
 * database. Cases cannot be deleted (their trail is append-only), so each test works with ids of
 * its own and reads only its own cases back.
 */
abstract class CaseRepositoryContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** The repository under test. */
  abstract CaseRepository cases();

  /** Where alerts are stored before they are attached (the database checks they exist). */
  abstract AlertRepository alerts();

  private String run;

  @BeforeEach
  void freshIds() {
    run = UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private CustomerId customer(String name) {
    return CustomerId.of(run + name);
  }

  private CaseId caseId(String name) {
    return CaseId.of("CASE-" + run + name);
  }

  /** A stored alert {@code name} of customer {@code customer}. */
  private Alert alert(String name, String customer) {
    Alert a =
        new Alert(
            run + name,
            TransactionId.of(run + "T-" + name),
            customer(customer),
            "M1",
            Money.of(9_700),
            T0.minusSeconds(60),
            T0,
            0.8,
            RiskLevel.HIGH,
            List.of("structuring", "night"),
            List.of("Amount just under the threshold"),
            "rules-v1");
    alerts().save(a);
    return a;
  }

  private Case transition(CaseId id, CaseStatus to, String reason, Instant at) {
    return cases()
        .change(
            id,
            c ->
                new CaseEvent(
                    id, CaseEventKind.TRANSITIONED, "ana", at, c.status(), to, reason, null));
  }

  private CaseQuery byCustomer(String name) {
    return new CaseQuery(null, null, customer(name), false, 0, 100);
  }

  @Test
  void theFirstAlertOpensACaseTheNextJoinItAndARepeatChangesNothing() {
    AlertAttachment first =
        cases().attachToOpenCase(alert("A1", "C1"), caseId("1"), "alert_generation", T0);
    AlertAttachment second =
        cases()
            .attachToOpenCase(
                alert("A2", "C1"), caseId("2"), "alert_generation", T0.plusSeconds(5));
    AlertAttachment repeat =
        cases()
            .attachToOpenCase(
                alert("A1", "C1"), caseId("3"), "alert_generation", T0.plusSeconds(9));

    assertThat(first)
        .isEqualTo(
            new AlertAttachment(
                new Case(caseId("1"), customer("C1"), CaseStatus.OPEN, null, T0, T0, null, 1),
                true,
                true));
    assertThat(second.opened()).isFalse();
    assertThat(second.attached()).isTrue();
    assertThat(second.kase())
        .isEqualTo(
            new Case(
                caseId("1"),
                customer("C1"),
                CaseStatus.OPEN,
                null,
                T0,
                T0.plusSeconds(5),
                null,
                2));
    assertThat(repeat).isEqualTo(new AlertAttachment(second.kase(), false, false));
    assertThat(cases().find(caseId("2"))).isEmpty();
    assertThat(cases().alerts(caseId("1")))
        .extracting(Alert::alertId)
        .containsExactly(run + "A1", run + "A2");
    assertThat(cases().alerts(caseId("1")).get(0)).isEqualTo(alert("A1", "C1"));
    assertThat(cases().caseOf(run + "A2")).contains(caseId("1"));
    assertThat(cases().caseOf(run + "nope")).isEmpty();
    assertThat(cases().events(caseId("1")))
        .containsExactly(
            CaseEvent.opened(caseId("1"), run + "A1", "alert_generation", T0),
            CaseEvent.alertAttached(
                caseId("1"), CaseStatus.OPEN, run + "A1", "alert_generation", T0),
            CaseEvent.alertAttached(
                caseId("1"), CaseStatus.OPEN, run + "A2", "alert_generation", T0.plusSeconds(5)));
  }

  @Test
  void changesAreAppliedAndAppendedAndARefusalRecordsNothing() {
    cases().attachToOpenCase(alert("A1", "C1"), caseId("1"), "flow", T0);
    CaseId id = caseId("1");
    Case assigned =
        cases()
            .change(
                id,
                c ->
                    new CaseEvent(
                        id,
                        CaseEventKind.ASSIGNED,
                        "lead",
                        T0.plusSeconds(1),
                        c.status(),
                        c.status(),
                        "on duty",
                        "ana"));
    transition(id, CaseStatus.IN_REVIEW, null, T0.plusSeconds(2));
    Case closed = transition(id, CaseStatus.CLOSED_SAR, "confirmed", T0.plusSeconds(3));

    assertThat(assigned.assignee()).isEqualTo("ana");
    assertThat(closed)
        .isEqualTo(
            new Case(
                id,
                customer("C1"),
                CaseStatus.CLOSED_SAR,
                "ana",
                T0,
                T0.plusSeconds(3),
                T0.plusSeconds(3),
                1));
    assertThat(cases().find(id)).contains(closed);
    assertThatThrownBy(
            () ->
                cases()
                    .change(
                        id,
                        c -> {
                          throw new CaseWorkflowException("case.closed.assign", null, "x", "y");
                        }))
        .isInstanceOf(CaseWorkflowException.class);
    assertThatThrownBy(() -> transition(caseId("404"), CaseStatus.IN_REVIEW, null, T0))
        .isInstanceOf(CaseNotFoundException.class);
    List<CaseEvent> trail = cases().events(id);
    assertThat(trail).hasSize(5);
    assertThat(trail.get(2).reason()).isEqualTo("on duty");
    assertThat(trail.get(2).detail()).isEqualTo("ana");
    assertThat(trail.get(4))
        .isEqualTo(
            new CaseEvent(
                id,
                CaseEventKind.TRANSITIONED,
                "ana",
                T0.plusSeconds(3),
                CaseStatus.IN_REVIEW,
                CaseStatus.CLOSED_SAR,
                "confirmed",
                null));
  }

  @Test
  void aClosedCaseFreesTheCustomerForANewOpenCase() {
    cases().attachToOpenCase(alert("A1", "C1"), caseId("1"), "flow", T0);
    transition(caseId("1"), CaseStatus.IN_REVIEW, null, T0);
    transition(caseId("1"), CaseStatus.CLOSED_FALSE_POSITIVE, "refund", T0.plusSeconds(1));

    AlertAttachment next =
        cases().attachToOpenCase(alert("A2", "C1"), caseId("2"), "flow", T0.plusSeconds(2));

    assertThat(next.opened()).isTrue();
    assertThat(next.kase().id()).isEqualTo(caseId("2"));
    assertThat(cases().count(byCustomer("C1"))).isEqualTo(2);
  }

  @Test
  void findsByStatusAssigneeCustomerAndOpennessNewestFirstOnePageAtATime() {
    for (int i = 0; i < 5; i++) {
      cases().attachToOpenCase(alert("A" + i, "C" + i), caseId("" + i), "flow", T0.plusSeconds(i));
    }
    transition(caseId("1"), CaseStatus.IN_REVIEW, null, T0.plusSeconds(10));
    transition(caseId("2"), CaseStatus.IN_REVIEW, null, T0.plusSeconds(10));
    transition(caseId("2"), CaseStatus.CLOSED_SAR, "sar", T0.plusSeconds(11));
    String analyst = run + "ana";
    cases()
        .change(
            caseId("3"),
            c ->
                new CaseEvent(
                    c.id(),
                    CaseEventKind.ASSIGNED,
                    "lead",
                    T0.plusSeconds(12),
                    c.status(),
                    c.status(),
                    null,
                    analyst));

    List<Case> mine = cases().find(new CaseQuery(null, analyst, null, false, 0, 10));
    assertThat(mine).extracting(Case::id).containsExactly(caseId("3"));
    assertThat(cases().find(byCustomer("C4"))).extracting(Case::id).containsExactly(caseId("4"));
    assertThat(
            cases().find(new CaseQuery(CaseStatus.IN_REVIEW, null, customer("C1"), false, 0, 10)))
        .extracting(Case::id)
        .containsExactly(caseId("1"));
    assertThat(cases().find(new CaseQuery(null, null, customer("C2"), true, 0, 10))).isEmpty();
    assertThat(
            cases().count(new CaseQuery(CaseStatus.CLOSED_SAR, null, customer("C2"), false, 0, 1)))
        .isEqualTo(1);

    List<CaseId> ours = new ArrayList<>();
    int offset = 0;
    while (ours.size() < 5) {
      List<Case> page = cases().find(new CaseQuery(null, null, null, false, offset, 2));
      assertThat(page).isNotEmpty().hasSizeLessThanOrEqualTo(2);
      page.stream().map(Case::id).filter(id -> id.value().contains(run)).forEach(ours::add);
      offset += page.size();
    }
    assertThat(ours)
        .containsExactly(caseId("4"), caseId("3"), caseId("2"), caseId("1"), caseId("0"));
  }

  @Test
  void countsByStatusIncludeEveryStatus() {
    Map<CaseStatus, Long> before = cases().countByStatus();
    cases().attachToOpenCase(alert("A1", "C1"), caseId("1"), "flow", T0);
    cases().attachToOpenCase(alert("A2", "C2"), caseId("2"), "flow", T0);
    transition(caseId("2"), CaseStatus.IN_REVIEW, null, T0);

    Map<CaseStatus, Long> after = cases().countByStatus();

    assertThat(after.keySet()).containsExactly(CaseStatus.values());
    assertThat(after.get(CaseStatus.OPEN)).isEqualTo(before.get(CaseStatus.OPEN) + 1);
    assertThat(after.get(CaseStatus.IN_REVIEW)).isEqualTo(before.get(CaseStatus.IN_REVIEW) + 1);
    assertThat(after.get(CaseStatus.CLOSED_SAR)).isEqualTo(before.get(CaseStatus.CLOSED_SAR));
  }

  @Test
  void streamsCasesOpenedOrClosedInARangeTheOpenOnesAndTheDispositions() {
    // A year no other test uses, so that the ranges below hold only this test's cases.
    Instant base = Instant.parse("2031-01-01T00:00:00Z");
    cases().attachToOpenCase(alert("A1", "C1"), caseId("1"), "flow", base);
    cases().attachToOpenCase(alert("A2", "C1"), caseId("x"), "flow", base.plusSeconds(1));
    cases().attachToOpenCase(alert("A3", "C2"), caseId("2"), "flow", base.plusSeconds(2));
    cases().attachToOpenCase(alert("A4", "C3"), caseId("3"), "flow", base.plusSeconds(3));
    transition(caseId("1"), CaseStatus.IN_REVIEW, null, base.plusSeconds(10));
    transition(caseId("1"), CaseStatus.CLOSED_SAR, "sar", base.plusSeconds(20));
    transition(caseId("2"), CaseStatus.IN_REVIEW, null, base.plusSeconds(10));
    transition(caseId("2"), CaseStatus.CLOSED_FALSE_POSITIVE, "fp", base.plusSeconds(30));

    List<CaseId> touched = new ArrayList<>();
    cases()
        .forEachOpenedOrClosedIn(
            new TimeRange(base.plusSeconds(2), base.plusSeconds(25)), c -> touched.add(c.id()));
    assertThat(touched).containsExactly(caseId("1"), caseId("2"), caseId("3"));

    List<CaseId> open = new ArrayList<>();
    cases()
        .forEachOpen(
            c -> {
              if (c.id().value().contains(run)) {
                open.add(c.id());
              }
            });
    assertThat(open).containsExactly(caseId("3"));

    List<AlertDisposition> dispositions = new ArrayList<>();
    long n =
        cases().forEachDisposition(new TimeRange(base, base.plusSeconds(31)), dispositions::add);
    assertThat(n).isEqualTo(3);
    assertThat(dispositions)
        .containsExactly(
            new AlertDisposition(
                run + "A1",
                TransactionId.of(run + "T-A1"),
                customer("C1"),
                AlertDisposition.Outcome.SAR,
                base.plusSeconds(20),
                caseId("1")),
            new AlertDisposition(
                run + "A2",
                TransactionId.of(run + "T-A2"),
                customer("C1"),
                AlertDisposition.Outcome.SAR,
                base.plusSeconds(20),
                caseId("1")),
            new AlertDisposition(
                run + "A3",
                TransactionId.of(run + "T-A3"),
                customer("C2"),
                AlertDisposition.Outcome.FALSE_POSITIVE,
                base.plusSeconds(30),
                caseId("2")));
  }

  @Test
  void concurrentWorkersAttachingOneCustomersAlertsOpenOneCaseAndAttachEachAlertOnce()
      throws Exception {
    int workers = 6;
    int alertsPerWorker = 15;
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < alertsPerWorker * 2; i++) {
      alerts.add(alert("A" + i, "C1"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<AlertAttachment>>> results = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        int worker = w;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<AlertAttachment> done = new ArrayList<>();
                  // Workers overlap: each alert is attached by three of them.
                  for (int i = 0; i < alertsPerWorker; i++) {
                    Alert a = alerts.get((worker % 2) * alertsPerWorker + i);
                    done.add(
                        cases().attachToOpenCase(a, caseId(worker + "-" + i), "w" + worker, T0));
                  }
                  return done;
                }));
      }
      start.countDown();
      List<AlertAttachment> all = new ArrayList<>();
      for (Future<List<AlertAttachment>> f : results) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }

      Set<CaseId> caseIds = new HashSet<>();
      all.forEach(a -> caseIds.add(a.kase().id()));
      assertThat(caseIds).hasSize(1);
      assertThat(all.stream().filter(AlertAttachment::opened)).hasSize(1);
      assertThat(all.stream().filter(AlertAttachment::attached)).hasSize(alerts.size());
      CaseId id = caseIds.iterator().next();
      assertThat(cases().count(byCustomer("C1"))).isEqualTo(1);
      assertThat(cases().find(id).orElseThrow().alertCount()).isEqualTo(alerts.size());
      assertThat(cases().events(id)).hasSize(1 + alerts.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void attachingWhileAnAnalystClosesNeverLosesAnAlertNorLeavesTwoCasesOpen() throws Exception {
    int n = 30;
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alerts.add(alert("A" + i, "C1"));
    }
    cases().attachToOpenCase(alerts.get(0), caseId("first"), "flow", T0);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int worker = w;
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = 1 + worker; i < n; i += 2) {
                    cases().attachToOpenCase(alerts.get(i), caseId("w" + i), "flow", T0);
                  }
                  return null;
                }));
      }
      tasks.add(
          pool.submit(
              () -> {
                // Close whatever case is open, again and again, while the workers attach.
                for (int round = 0; round < 5; round++) {
                  for (Case c :
                      cases().find(new CaseQuery(null, null, customer("C1"), true, 0, 5))) {
                    transition(c.id(), CaseStatus.IN_REVIEW, null, T0);
                    transition(c.id(), CaseStatus.CLOSED_FALSE_POSITIVE, "fp", T0);
                  }
                }
                return null;
              }));
      for (Future<?> t : tasks) {
        t.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Case> all = cases().find(byCustomer("C1"));
    assertThat(all.stream().filter(c -> !c.status().isClosed())).hasSizeLessThanOrEqualTo(1);
    assertThat(all.stream().mapToInt(Case::alertCount).sum()).isEqualTo(n);
    Set<String> attached = new HashSet<>();
    for (Case c : all) {
      cases().alerts(c.id()).forEach(a -> assertThat(attached.add(a.alertId())).isTrue());
    }
    assertThat(attached).hasSize(n);
  }
}

package io.amlmonitor.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.CustomerRiskRating;
import io.amlmonitor.core.store.DecisionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CaseServiceTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<TransactionId, Transaction> transactions = new HashMap<>();
  private final Map<TransactionId, DecisionRecord> decisions = new HashMap<>();
  private final Map<CustomerId, Customer> customers = new HashMap<>();
  private final CaseService service =
      new CaseService(
          new InMemoryCaseRepository(),
          new EvidenceSource() {
            @Override
            public Optional<Transaction> transaction(TransactionId id) {
              return Optional.ofNullable(transactions.get(id));
            }

            @Override
            public Optional<DecisionRecord> decision(TransactionId id) {
              return Optional.ofNullable(decisions.get(id));
            }

            @Override
            public Optional<Customer> customer(CustomerId id) {
              return Optional.ofNullable(customers.get(id));
            }

            @Override
            public Optional<CustomerRiskRating> rating(CustomerId id) {
              return Optional.of(
                  new CustomerRiskRating(id, RiskLevel.HIGH, List.of("PEP"), T0.minusSeconds(60)));
            }
          },
          now::get,
          () -> CaseId.of("CASE-" + nextId.getAndIncrement()));

  static Alert alert(String id, String txn, String customer) {
    return new Alert(
        id,
        TransactionId.of(txn),
        CustomerId.of(customer),
        "M1",
        Money.of(9_700),
        T0.minusSeconds(30),
        T0,
        0.8,
        RiskLevel.HIGH,
        List.of("structuring"),
        List.of("Amount just under the threshold"),
        "rules-v1");
  }

  private void later(int seconds) {
    now.set(now.get().plusSeconds(seconds));
  }

  @Test
  void alertsOfOneCustomerGoToOneOpenCaseAndEachAlertIsAttachedOnce() {
    AlertAttachment first = service.attachAlert(alert("A1", "T1", "C1"), "alert_generation");
    later(5);
    AlertAttachment second = service.attachAlert(alert("A2", "T2", "C1"), "alert_generation");
    AlertAttachment again = service.attachAlert(alert("A1", "T1", "C1"), "alert_generation");
    AlertAttachment other = service.attachAlert(alert("A3", "T3", "C2"), "alert_generation");

    assertThat(first.opened()).isTrue();
    assertThat(first.attached()).isTrue();
    assertThat(second.opened()).isFalse();
    assertThat(second.kase().id()).isEqualTo(first.kase().id());
    assertThat(second.kase().alertCount()).isEqualTo(2);
    assertThat(second.kase().updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(again.attached()).isFalse();
    assertThat(again.kase().alertCount()).isEqualTo(2);
    assertThat(other.kase().id()).isNotEqualTo(first.kase().id());
    assertThat(service.file(first.kase().id()).timeline())
        .extracting(CaseEvent::kind)
        .containsExactly(
            CaseEventKind.OPENED, CaseEventKind.ALERT_ATTACHED, CaseEventKind.ALERT_ATTACHED);
  }

  @Test
  void aClosedCaseIsNotReusedTheNextAlertOpensANewOne() {
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();
    service.transition(id, CaseStatus.IN_REVIEW, null, "ana");
    service.transition(id, CaseStatus.CLOSED_FALSE_POSITIVE, "salary", "ana");

    AlertAttachment next = service.attachAlert(alert("A2", "T2", "C1"), "flow");

    assertThat(next.opened()).isTrue();
    assertThat(next.kase().id()).isNotEqualTo(id);
    assertThat(service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id()).isEqualTo(id);
  }

  @Test
  void everyChangeIsInTheTrailWithWhoWhenFromToAndWhy() {
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();
    later(60);
    service.assign(id, "ana", "on duty", "lead");
    later(60);
    service.transition(id, CaseStatus.IN_REVIEW, "starting", "ana");
    later(60);
    service.comment(id, "Salary pattern?", "ana");
    transactions.put(TransactionId.of("T9"), payment("T9", "C1", 100));
    service.attachEvidence(id, EvidenceRef.transaction("T9"), "same day", "ana");
    later(60);
    service.transition(id, CaseStatus.ESCALATED, "looks like structuring", "ana");
    service.transition(id, CaseStatus.IN_REVIEW, "need statements", "bruno");
    Case closed = service.transition(id, CaseStatus.CLOSED_SAR, "structuring confirmed", "bruno");

    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED_SAR);
    assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(240));
    assertThat(closed.assignee()).isEqualTo("ana");
    List<CaseEvent> trail = service.file(id).timeline();
    assertThat(trail)
        .extracting(CaseEvent::kind)
        .containsExactly(
            CaseEventKind.OPENED,
            CaseEventKind.ALERT_ATTACHED,
            CaseEventKind.ASSIGNED,
            CaseEventKind.TRANSITIONED,
            CaseEventKind.COMMENTED,
            CaseEventKind.EVIDENCE_ATTACHED,
            CaseEventKind.TRANSITIONED,
            CaseEventKind.TRANSITIONED,
            CaseEventKind.TRANSITIONED);
    assertThat(trail.get(2))
        .isEqualTo(
            new CaseEvent(
                id,
                CaseEventKind.ASSIGNED,
                "lead",
                T0.plusSeconds(60),
                CaseStatus.OPEN,
                CaseStatus.OPEN,
                "on duty",
                "ana"));
    assertThat(trail.get(8))
        .isEqualTo(
            new CaseEvent(
                id,
                CaseEventKind.TRANSITIONED,
                "bruno",
                T0.plusSeconds(240),
                CaseStatus.IN_REVIEW,
                CaseStatus.CLOSED_SAR,
                "structuring confirmed",
                null));
    assertThat(trail.get(5).detail()).isEqualTo("transaction:T9");
  }

  @Test
  void anIllegalTransitionIsRefusedNamingTheCurrentStatusAndTheAllowedOnes() {
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();

    assertThatThrownBy(() -> service.transition(id, CaseStatus.CLOSED_SAR, "x", "ana"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "Case CASE-1 is OPEN; it cannot move to CLOSED_SAR. Allowed from OPEN: IN_REVIEW")
        .satisfies(
            e ->
                assertThat(((CaseWorkflowException) e).message(Locale.forLanguageTag("pt-BR")))
                    .isEqualTo(
                        "O caso CASE-1 está em OPEN; não pode passar para CLOSED_SAR."
                            + " Permitidos a partir de OPEN: IN_REVIEW"));
    assertThat(service.file(id).timeline()).hasSize(2);
  }

  @Test
  void closingNeedsAReasonAndAClosedCaseIsFinal() {
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();
    service.transition(id, CaseStatus.IN_REVIEW, null, "ana");

    assertThatThrownBy(() -> service.transition(id, CaseStatus.CLOSED_FALSE_POSITIVE, " ", "ana"))
        .isInstanceOf(CaseWorkflowException.class)
        .hasMessage("Closing a case as CLOSED_FALSE_POSITIVE requires a reason")
        .satisfies(e -> assertThat(((CaseWorkflowException) e).field()).isEqualTo("reason"));
    service.transition(id, CaseStatus.CLOSED_FALSE_POSITIVE, "known payroll", "ana");

    assertThatThrownBy(() -> service.transition(id, CaseStatus.IN_REVIEW, "reopen", "ana"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "Case CASE-1 is CLOSED_FALSE_POSITIVE: a closed case is final and cannot move to"
                + " IN_REVIEW");
    assertThatThrownBy(() -> service.assign(id, "bruno", null, "lead"))
        .isInstanceOf(CaseWorkflowException.class)
        .hasMessageContaining("cannot be assigned");
    assertThat(service.comment(id, "SAR not needed: payroll agent", "ana").status())
        .isEqualTo(CaseStatus.CLOSED_FALSE_POSITIVE);
  }

  @Test
  void badInputNamesTheFieldAndAnUnknownCaseIsNotFound() {
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();

    assertThatThrownBy(() -> service.assign(id, " ", null, "lead"))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("assignee"));
    assertThatThrownBy(() -> service.comment(id, "hi", ""))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("actor"));
    assertThatThrownBy(() -> service.comment(id, "", "ana"))
        .isInstanceOf(CaseWorkflowException.class)
        .satisfies(e -> assertThat(((CaseWorkflowException) e).field()).isEqualTo("comment"));
    assertThatThrownBy(
            () -> service.attachEvidence(id, EvidenceRef.transaction("T404"), null, "ana"))
        .isInstanceOf(CaseWorkflowException.class)
        .hasMessageContaining("No transaction T404 is stored");
    assertThatThrownBy(() -> service.get(CaseId.of("CASE-404")))
        .isInstanceOf(CaseNotFoundException.class)
        .hasMessage("No case has id CASE-404");
  }

  @Test
  void theCaseFileShowsEachAlertWithItsTransactionAndDecision() {
    transactions.put(TransactionId.of("T1"), payment("T1", "C1", 9_700));
    DecisionRecord d =
        new DecisionRecord(
            TransactionId.of("T1"),
            T0,
            0.8,
            RiskLevel.HIGH,
            List.of("structuring"),
            "rules-v1",
            null,
            Map.of("txn_count_24h", 3L));
    decisions.put(TransactionId.of("T1"), d);
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();
    service.attachAlert(alert("A2", "T2", "C1"), "flow");
    service.attachEvidence(id, EvidenceRef.document("kyc/passport.pdf"), "ID copy", "ana");

    CaseFile file = service.file(id);

    assertThat(file.alerts()).hasSize(2);
    assertThat(file.alerts().get(0).transaction())
        .isEqualTo(transactions.get(TransactionId.of("T1")));
    assertThat(file.alerts().get(0).decision().features()).containsEntry("txn_count_24h", 3L);
    assertThat(file.alerts().get(1).transaction()).isNull();
    assertThat(file.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ref()).isEqualTo(EvidenceRef.document("kyc/passport.pdf"));
              assertThat(a.note()).isEqualTo("ID copy");
              assertThat(a.actor()).isEqualTo("ana");
            });
  }

  @Test
  void aSarDraftHasTheSubjectTransactionsReasonsTimelineAndTotals() {
    customers.put(
        CustomerId.of("C1"),
        new Customer(
            CustomerId.of("C1"),
            CustomerType.INDIVIDUAL,
            "BR",
            "salaried",
            Money.of(5_000),
            LocalDate.of(2024, 5, 17),
            true));
    transactions.put(TransactionId.of("T1"), payment("T1", "C1", 9_700));
    transactions.put(TransactionId.of("T2"), payment("T2", "C1", 9_800, "USD"));
    transactions.put(TransactionId.of("T0"), payment("T0", "C1", 500));
    CaseId id = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();
    service.attachAlert(alert("A2", "T2", "C1"), "flow");
    service.attachAlert(alert("A3", "T404", "C1"), "flow");
    service.attachEvidence(id, EvidenceRef.transaction("T0"), "earlier", "ana");
    service.transition(id, CaseStatus.IN_REVIEW, null, "ana");
    assertThatThrownBy(() -> service.sar(id))
        .isInstanceOf(CaseWorkflowException.class)
        .hasMessageContaining("only for cases closed as CLOSED_SAR");
    later(3600);
    service.transition(id, CaseStatus.CLOSED_SAR, "structuring below 10k", "ana");

    SarReport sar = service.sar(id);

    assertThat(sar.customer().pep()).isTrue();
    assertThat(sar.rating().rating()).isEqualTo(RiskLevel.HIGH);
    assertThat(sar.closedBy()).isEqualTo("ana");
    assertThat(sar.closingReason()).isEqualTo("structuring below 10k");
    assertThat(sar.generatedAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(sar.transactions())
        .extracting(t -> t.id().value())
        .containsExactly("T0", "T1", "T2");
    assertThat(sar.unavailableTransactions()).containsExactly(TransactionId.of("T404"));
    assertThat(sar.alerts()).extracting(Alert::alertId).containsExactly("A1", "A2", "A3");
    assertThat(sar.timeline()).hasSize(7);
    assertThat(sar.totals().transactions()).isEqualTo(3);
    assertThat(sar.totals().amount()).isEqualTo(Money.of(20_000));
    assertThat(sar.totals().amountByCurrency())
        .containsExactly(Map.entry("", Money.of(10_200)), Map.entry("USD", Money.of(9_800)));
    assertThat(sar.totals().alerts()).isEqualTo(3);
    assertThat(sar.totals().firstActivity()).isEqualTo(T0.minusSeconds(3));
  }

  @Test
  void countsThroughputAgeingAndDispositionsComeFromTheCases() {
    CaseId a = service.attachAlert(alert("A1", "T1", "C1"), "flow").kase().id();
    service.attachAlert(alert("A2", "T2", "C1"), "flow");
    later(86_400 * 2);
    CaseId b = service.attachAlert(alert("A3", "T3", "C2"), "flow").kase().id();
    service.attachAlert(alert("A4", "T4", "C3"), "flow");
    service.transition(a, CaseStatus.IN_REVIEW, null, "ana");
    service.transition(a, CaseStatus.CLOSED_SAR, "confirmed", "ana");
    later(3600);
    service.transition(b, CaseStatus.IN_REVIEW, null, "ana");
    service.transition(b, CaseStatus.CLOSED_FALSE_POSITIVE, "refund", "ana");

    assertThat(service.countByStatus())
        .containsEntry(CaseStatus.OPEN, 1L)
        .containsEntry(CaseStatus.CLOSED_SAR, 1L)
        .containsEntry(CaseStatus.CLOSED_FALSE_POSITIVE, 1L)
        .containsEntry(CaseStatus.ESCALATED, 0L);
    assertThat(service.perDay(TimeRange.ALL, ZoneOffset.UTC).values())
        .containsExactly(
            new DailyCaseCounts(LocalDate.of(2026, 3, 1), 1, 0),
            new DailyCaseCounts(LocalDate.of(2026, 3, 3), 2, 2));
    CaseAgeing ageing = service.ageing();
    assertThat(ageing.openCases()).isEqualTo(1);
    assertThat(ageing.oldest()).isEqualTo(Duration.ofHours(1));
    assertThat(ageing.bands()).containsExactly(1L, 0L, 0L, 0L);
    List<AlertDisposition> seen = new ArrayList<>();
    assertThat(service.forEachDisposition(TimeRange.ALL, seen::add)).isEqualTo(3);
    assertThat(seen)
        .extracting(AlertDisposition::alertId, AlertDisposition::disposition)
        .containsExactly(
            tuple("A1", AlertDisposition.Outcome.SAR),
            tuple("A2", AlertDisposition.Outcome.SAR),
            tuple("A3", AlertDisposition.Outcome.FALSE_POSITIVE));
    assertThat(service.find(new CaseQuery(null, null, null, true, 0, 10)))
        .extracting(c -> c.customerId().value())
        .containsExactly("C3");
  }

  @Test
  void concurrentAttachersOfOneCustomerOpenOneCase() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int worker = w;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 50; i++) {
                  service.attachAlert(alert("A" + (i % 40) + "-" + worker % 2, "T" + i, "C1"), "w");
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }

    assertThat(service.count(CaseQuery.latest(10))).isEqualTo(1);
    assertThat(service.find(CaseQuery.latest(10)).get(0).alertCount()).isEqualTo(80);
  }

  /** A payment at T0 minus (3 − the id's number) seconds, so T0 < T1 < T2 in time. */
  static Transaction payment(String id, String customer, long amount) {
    return payment(id, customer, amount, null);
  }

  static Transaction payment(String id, String customer, long amount, String currency) {
    return Transaction.builder()
        .id(id)
        .timestamp(T0.minusSeconds(3 - Integer.parseInt(id.substring(1)) % 10))
        .customer(customer)
        .merchant("M" + id)
        .amount(Money.of(amount))
        .currency(currency)
        .build();
  }
}

package io.amlmonitor.core.cases;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.CustomerRiskRating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The draft of a suspicious-activity report for a case closed as {@link CaseStatus#CLOSED_SAR}: the
 * subject with its KYC profile, the transactions, why each alert was raised, the case's timeline
 * and the totals. A draft: a compliance officer completes and files it.
 *
 * @param customer the subject's KYC profile, or null when the store does not know the customer
 * @param rating the subject's current risk rating, or null when never rated
 * @param closedBy who closed the case as SAR
 * @param closingReason why, as they wrote it
 * @param transactions the alerts' and the attached transactions that are stored, by event time
 * @param unavailableTransactions the ids of those the store does not have
 * @param documents documents attached as evidence
 */
public record SarReport(
    CaseId caseId,
    Instant generatedAt,
    CustomerId customerId,
    Customer customer,
    CustomerRiskRating rating,
    Instant openedAt,
    Instant closedAt,
    String assignee,
    String closedBy,
    String closingReason,
    List<Alert> alerts,
    List<Transaction> transactions,
    List<TransactionId> unavailableTransactions,
    List<CaseFile.Attachment> documents,
    List<CaseEvent> timeline,
    Totals totals) {

  public SarReport {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(customerId, "customerId");
    alerts = List.copyOf(alerts);
    transactions = List.copyOf(transactions);
    unavailableTransactions = List.copyOf(unavailableTransactions);
    documents = List.copyOf(documents);
    timeline = List.copyOf(timeline);
    Objects.requireNonNull(totals, "totals");
  }

  /**
   * What the transactions add up to.
   *
   * @param amountByCurrency the totals per currency code, in code order; transactions without a
   *     currency under the empty string
   * @param firstActivity the earliest transaction's time, or null without transactions
   * @param receivers how many distinct merchants and accounts received money
   */
  public record Totals(
      int transactions,
      Money amount,
      Map<String, Money> amountByCurrency,
      Instant firstActivity,
      Instant lastActivity,
      int receivers,
      int alerts,
      double highestRiskScore) {
    public Totals {
      amountByCurrency = Collections.unmodifiableMap(new TreeMap<>(amountByCurrency));
    }

    static Totals of(List<Transaction> transactions, List<Alert> alerts) {
      long cents = 0;
      Map<String, Long> byCurrency = new TreeMap<>();
      Set<String> receivers = new HashSet<>();
      for (Transaction t : transactions) {
        cents = Math.addExact(cents, t.amount().cents());
        byCurrency.merge(t.currency() == null ? "" : t.currency(), t.amount().cents(), Long::sum);
        receivers.add(t.receiverId());
      }
      Map<String, Money> amounts = new LinkedHashMap<>();
      byCurrency.forEach((currency, sum) -> amounts.put(currency, new Money(sum)));
      return new Totals(
          transactions.size(),
          new Money(cents),
          amounts,
          transactions.isEmpty() ? null : transactions.get(0).timestamp(),
          transactions.isEmpty() ? null : transactions.get(transactions.size() - 1).timestamp(),
          receivers.size(),
          alerts.size(),
          alerts.stream().mapToDouble(Alert::riskScore).max().orElse(0));
    }
  }

  /**
   * The draft for {@code file}, generated at {@code generatedAt}.
   *
   * @throws CaseWorkflowException when the case is not closed as SAR
   */
  public static SarReport of(
      CaseFile file, Customer customer, CustomerRiskRating rating, Instant generatedAt) {
    Case c = file.kase();
    if (c.status() != CaseStatus.CLOSED_SAR) {
      throw new CaseWorkflowException("case.sar.notSar", null, c.id().value(), c.status().name());
    }
    Map<TransactionId, Transaction> stored = new LinkedHashMap<>();
    Set<TransactionId> missing = new LinkedHashSet<>();
    List<Alert> alerts = new ArrayList<>();
    for (CaseFile.AlertEvidence e : file.alerts()) {
      alerts.add(e.alert());
      track(e.alert().transactionId(), e.transaction(), stored, missing);
    }
    List<CaseFile.Attachment> documents = new ArrayList<>();
    for (CaseFile.Attachment a : file.attachments()) {
      if (a.ref().kind() == EvidenceRef.Kind.TRANSACTION) {
        track(TransactionId.of(a.ref().reference()), a.transaction(), stored, missing);
      } else {
        documents.add(a);
      }
    }
    List<Transaction> transactions =
        stored.values().stream()
            .sorted(Comparator.comparing(Transaction::timestamp).thenComparing(Transaction::id))
            .toList();
    CaseEvent closing = closingEvent(file.timeline());
    return new SarReport(
        c.id(),
        generatedAt,
        c.customerId(),
        customer,
        rating,
        c.openedAt(),
        c.closedAt(),
        c.assignee(),
        closing == null ? null : closing.actor(),
        closing == null ? null : closing.reason(),
        alerts,
        transactions,
        List.copyOf(missing),
        documents,
        file.timeline(),
        Totals.of(transactions, alerts));
  }

  private static void track(
      TransactionId id,
      Transaction found,
      Map<TransactionId, Transaction> stored,
      Set<TransactionId> missing) {
    if (found != null) {
      stored.putIfAbsent(id, found);
      missing.remove(id);
    } else if (!stored.containsKey(id)) {
      missing.add(id);
    }
  }

  private static CaseEvent closingEvent(List<CaseEvent> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      CaseEvent e = timeline.get(i);
      if (e.kind() == CaseEventKind.TRANSITIONED && e.toStatus() == CaseStatus.CLOSED_SAR) {
        return e;
      }
    }
    return null;
  }
}

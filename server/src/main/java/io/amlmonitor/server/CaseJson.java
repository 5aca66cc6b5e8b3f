package io.amlmonitor.server;

import io.amlmonitor.core.cases.Case;
import io.amlmonitor.core.cases.CaseEvent;
import io.amlmonitor.core.cases.CaseFile;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.cases.SarReport;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases, case files and SAR drafts as JSON documents: snake_case names as everywhere in the API,
 * every field present (null when unknown) so that a document's shape never depends on its data. The
 * maps are written by {@link Json#mapper()}, which spells ids, money and instants.
 */
public final class CaseJson {
  private CaseJson() {}

  /** A case as listed, with the statuses it may move to. */
  public static Map<String, Object> summary(Case c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("case_id", c.id().value());
    m.put("customer_id", c.customerId());
    m.put("status", c.status());
    m.put("assignee", c.assignee());
    m.put("opened_at", c.openedAt());
    m.put("updated_at", c.updatedAt());
    m.put("closed_at", c.closedAt());
    m.put("alert_count", c.alertCount());
    m.put("allowed_transitions", List.copyOf(c.status().allowedTargets()));
    return m;
  }

  public static Map<String, Object> event(CaseEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", e.kind());
    m.put("actor", e.actor());
    m.put("occurred_at", e.occurredAt());
    m.put("from_status", e.fromStatus());
    m.put("to_status", e.toStatus());
    m.put("reason", e.reason());
    m.put("detail", e.detail());
    return m;
  }

  /** A case with its alerts and their evidence, its attachments and its trail. */
  public static Map<String, Object> file(CaseFile f) {
    Map<String, Object> m = summary(f.kase());
    m.put(
        "alerts",
        f.alerts().stream()
            .map(
                e -> {
                  Map<String, Object> a = new LinkedHashMap<>();
                  a.put("alert", e.alert());
                  a.put(
                      "transaction", e.transaction() == null ? null : transaction(e.transaction()));
                  a.put("decision", e.decision());
                  return a;
                })
            .toList());
    m.put("attachments", f.attachments().stream().map(CaseJson::attachment).toList());
    m.put("timeline", f.timeline().stream().map(CaseJson::event).toList());
    return m;
  }

  static Map<String, Object> attachment(CaseFile.Attachment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", a.ref().kind());
    m.put("reference", a.ref().reference());
    m.put("note", a.note());
    m.put("attached_by", a.actor());
    m.put("attached_at", a.attachedAt());
    m.put("transaction", a.transaction() == null ? null : transaction(a.transaction()));
    return m;
  }

  /** A transaction with the field names the API accepts. */
  public static Map<String, Object> transaction(Transaction t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("transaction_id", t.id());
    m.put("timestamp", t.timestamp());
    m.put("customer_id", t.customerId());
    m.put("merchant_id", t.merchantId());
    m.put("counterparty_id", t.counterpartyId());
    m.put("amount", t.amount());
    m.put("currency", t.currency());
    m.put("channel", t.channel() == null ? null : t.channel().wireName());
    m.put("ip_address", t.ipAddress());
    m.put("device_id", t.deviceId());
    m.put("country", t.country());
    m.put("counterparty_country", t.counterpartyCountry());
    return m;
  }

  /** The suspicious-activity report draft; its format is described in docs/cases.md. */
  public static Map<String, Object> sar(SarReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("report_type", "suspicious_activity_report_draft");
    m.put("case_id", r.caseId().value());
    m.put("generated_at", r.generatedAt());
    m.put("status", CaseStatus.CLOSED_SAR);
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("customer_id", r.customerId());
    subject.put("known", r.customer() != null);
    subject.put("kyc", r.customer() == null ? null : kyc(r.customer()));
    subject.put("risk_rating", r.rating());
    m.put("subject", subject);
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("opened_at", r.openedAt());
    review.put("closed_at", r.closedAt());
    review.put("assignee", r.assignee());
    review.put("closed_by", r.closedBy());
    review.put("closing_reason", r.closingReason());
    m.put("review", review);
    m.put("alerts", r.alerts());
    m.put("transactions", r.transactions().stream().map(CaseJson::transaction).toList());
    m.put("unavailable_transactions", r.unavailableTransactions());
    m.put("documents", r.documents().stream().map(CaseJson::attachment).toList());
    m.put("timeline", r.timeline().stream().map(CaseJson::event).toList());
    SarReport.Totals t = r.totals();
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("transactions", t.transactions());
    totals.put("amount", t.amount());
    Map<String, Object> byCurrency = new LinkedHashMap<>();
    t.amountByCurrency().forEach((k, v) -> byCurrency.put(k.isEmpty() ? "unspecified" : k, v));
    totals.put("amount_by_currency", byCurrency);
    totals.put("first_activity", t.firstActivity());
    totals.put("last_activity", t.lastActivity());
    totals.put("receivers", t.receivers());
    totals.put("alerts", t.alerts());
    totals.put("highest_risk_score", t.highestRiskScore());
    m.put("totals", totals);
    return m;
  }

  static Map<String, Object> kyc(Customer c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customer_type", c.type());
    m.put("country", c.country());
    m.put("segment", c.segment());
    m.put("expected_monthly_volume", c.expectedMonthlyVolume());
    m.put("onboarding_date", c.onboardingDate());
    m.put("pep", c.pep());
    return m;
  }
}

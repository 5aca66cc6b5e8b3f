package io.amlmonitor.server;

import static io.amlmonitor.core.report.Html.escape;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.CaseEvent;
import io.amlmonitor.core.cases.CaseFile;
import io.amlmonitor.core.cases.SarReport;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.scoring.Messages;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The SAR draft as one printable HTML page: self-contained (inline style, no scripts, no external
 * resources), labelled in the reader's language, every value from the data escaped ({@link
 * io.amlmonitor.core.report.Html#escape}).
 *
 * <p>Implementation note: plain string building rather than a template engine: one fixed page, and
 * one escaping function every value goes through, which is easy to check.
 */
public final class SarHtml {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final String STYLE =
      "body{font-family:Georgia,serif;margin:2em auto;max-width:60em;color:#111}"
          + "h1{font-size:1.5em;border-bottom:2px solid #111}h2{font-size:1.15em;margin-top:1.6em}"
          + "table{border-collapse:collapse;width:100%;font-size:.9em}"
          + "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}"
          + "th{background:#eee}.notice{border:1px solid #b00;padding:.5em;color:#b00}"
          + "td.n{text-align:right;white-space:nowrap}"
          + "@media print{body{margin:0}.notice{color:#000;border-color:#000}}";

  private final Locale locale;
  private final StringBuilder out = new StringBuilder(16_384);

  private SarHtml(Locale locale) {
    this.locale = locale;
  }

  /** The page for {@code report}, labelled in {@code locale}. */
  public static String render(SarReport report, Locale locale) {
    return new SarHtml(locale).page(report);
  }

  private String page(SarReport r) {
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append(escape(locale.toLanguageTag()))
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(label("sar.title") + " " + r.caseId().value()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(escape(label("sar.title")))
        .append("</h1>\n<p class=\"notice\">")
        .append(escape(label("sar.draftNotice", r.caseId().value(), time(r.generatedAt()))))
        .append("</p>\n");
    subject(r);
    review(r);
    totals(r);
    alerts(r.alerts());
    transactions(r);
    documents(r.documents());
    timeline(r.timeline());
    out.append("</body></html>\n");
    return out.toString();
  }

  private void subject(SarReport r) {
    heading("sar.subject");
    out.append("<table>");
    row("sar.customerId", r.customerId().value());
    Customer c = r.customer();
    if (c == null) {
      row("sar.kyc", label("sar.unknownCustomer"));
    } else {
      row("sar.customerType", c.type().name());
      row("sar.country", c.country());
      row("sar.segment", c.segment());
      row("sar.expectedVolume", money(c.expectedMonthlyVolume()));
      row("sar.onboarded", c.onboardingDate().toString());
      row("sar.pep", label(c.pep() ? "sar.yes" : "sar.no"));
    }
    if (r.rating() != null) {
      row(
          "sar.rating",
          r.rating().rating().name() + " (" + String.join("; ", r.rating().reasons()) + ")");
    }
    out.append("</table>\n");
  }

  private void review(SarReport r) {
    heading("sar.review");
    out.append("<table>");
    row("sar.openedAt", time(r.openedAt()));
    row("sar.closedAt", time(r.closedAt()));
    row("sar.assignee", r.assignee());
    row("sar.closedBy", r.closedBy());
    row("sar.closingReason", r.closingReason());
    out.append("</table>\n");
  }

  private void totals(SarReport r) {
    SarReport.Totals t = r.totals();
    heading("sar.totals");
    out.append("<table>");
    row("sar.transactionCount", Integer.toString(t.transactions()));
    StringBuilder amounts = new StringBuilder(money(t.amount()));
    if (t.amountByCurrency().size() > 1 || !t.amountByCurrency().containsKey("")) {
      t.amountByCurrency()
          .forEach(
              (currency, sum) ->
                  amounts
                      .append("; ")
                      .append(currency.isEmpty() ? label("sar.noCurrency") : currency)
                      .append(' ')
                      .append(money(sum)));
    }
    row("sar.amount", amounts.toString());
    row(
        "sar.period",
        t.firstActivity() == null ? "" : time(t.firstActivity()) + " – " + time(t.lastActivity()));
    row("sar.receivers", Integer.toString(t.receivers()));
    row("sar.alertCount", Integer.toString(t.alerts()));
    row("sar.highestScore", String.format(locale, "%.2f", t.highestRiskScore()));
    out.append("</table>\n");
  }

  private void alerts(List<Alert> alerts) {
    heading("sar.alerts");
    header(
        "sar.col.alert",
        "sar.col.transaction",
        "sar.col.score",
        "sar.col.rules",
        "sar.col.reasons");
    for (Alert a : alerts) {
      out.append("<tr>");
      cell(a.alertId());
      cell(a.transactionId().value());
      numeric(String.format(locale, "%.2f", a.riskScore()) + " " + a.riskLevel().name());
      cell(String.join(", ", a.rules()));
      cell(String.join("; ", a.reasons()));
      out.append("</tr>");
    }
    out.append("</table>\n");
  }

  private void transactions(SarReport r) {
    heading("sar.transactions");
    header(
        "sar.col.transaction",
        "sar.col.time",
        "sar.col.receiver",
        "sar.col.amount",
        "sar.col.channel",
        "sar.col.countries");
    for (Transaction t : r.transactions()) {
      out.append("<tr>");
      cell(t.id().value());
      cell(time(t.timestamp()));
      cell(t.receiverId());
      numeric(money(t.amount()) + (t.currency() == null ? "" : " " + t.currency()));
      cell(t.channel() == null ? null : t.channel().wireName());
      cell(
          (t.country() == null ? "" : t.country())
              + (t.counterpartyCountry() == null ? "" : " → " + t.counterpartyCountry()));
      out.append("</tr>");
    }
    out.append("</table>\n");
    if (!r.unavailableTransactions().isEmpty()) {
      out.append("<p>")
          .append(escape(label("sar.unavailable")))
          .append(": ")
          .append(
              escape(
                  String.join(
                      ", ", r.unavailableTransactions().stream().map(id -> id.value()).toList())))
          .append("</p>\n");
    }
  }

  private void documents(List<CaseFile.Attachment> documents) {
    if (documents.isEmpty()) {
      return;
    }
    heading("sar.documents");
    header("sar.col.reference", "sar.col.note", "sar.col.actor", "sar.col.time");
    for (CaseFile.Attachment d : documents) {
      out.append("<tr>");
      cell(d.ref().reference());
      cell(d.note());
      cell(d.actor());
      cell(time(d.attachedAt()));
      out.append("</tr>");
    }
    out.append("</table>\n");
  }

  private void timeline(List<CaseEvent> events) {
    heading("sar.timeline");
    header("sar.col.time", "sar.col.event", "sar.col.actor", "sar.col.change", "sar.col.why");
    for (CaseEvent e : events) {
      out.append("<tr>");
      cell(time(e.occurredAt()));
      cell(label("sar.kind." + e.kind().name()) + (e.detail() == null ? "" : ": " + e.detail()));
      cell(e.actor());
      cell(
          e.fromStatus() == e.toStatus()
              ? e.toStatus().name()
              : (e.fromStatus() == null ? "" : e.fromStatus().name() + " → ")
                  + e.toStatus().name());
      cell(e.reason());
      out.append("</tr>");
    }
    out.append("</table>\n");
  }

  private void heading(String key) {
    out.append("<h2>").append(escape(label(key))).append("</h2>\n");
  }

  private void header(String... keys) {
    out.append("<table><tr>");
    for (String key : keys) {
      out.append("<th>").append(escape(label(key))).append("</th>");
    }
    out.append("</tr>");
  }

  private void row(String key, String value) {
    out.append("<tr><th>").append(escape(label(key))).append("</th>");
    cell(value);
    out.append("</tr>");
  }

  private void cell(String value) {
    out.append("<td>").append(escape(value)).append("</td>");
  }

  private void numeric(String value) {
    out.append("<td class=\"n\">").append(escape(value)).append("</td>");
  }

  private String label(String key, Object... args) {
    return Messages.get(locale, key, args);
  }

  private String money(Money m) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(2);
    return f.format(m.toBigDecimal());
  }

  private static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }
}

package io.amlmonitor.core.report;

import io.amlmonitor.core.cases.CaseAgeing;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.scoring.RiskLevel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** A report as plain text for a terminal: a summary, then aligned tables, in one language. */
public final class ReportText {
  private static final String INDENT = "  ";
  private static final int REASON_WIDTH = 60;

  /** Inputs listed in the drift table, most drifted first. */
  static final int DRIFT_ROWS = 10;

  private final AmlReport r;
  private final ReportLabels l;
  private final StringBuilder out = new StringBuilder(4_096);

  private ReportText(AmlReport report, Locale locale) {
    this.r = report;
    this.l = new ReportLabels(locale, report.zone());
  }

  /** The text of {@code report}, labelled in {@code locale}; lines end with a newline. */
  public static String render(AmlReport report, Locale locale) {
    return new ReportText(report, locale).text();
  }

  private String text() {
    out.append(l.get("report.title")).append('\n');
    out.append(l.period(r)).append("\n\n");
    summary();
    tallies("report.byRule", "report.col.rule", r.alertsByRule(), Function.identity(), null);
    tallies(
        "report.byTypology",
        "report.col.typology",
        r.alertsByTypology(),
        l::typology,
        "report.byTypology.note");
    levels();
    days();
    statuses();
    ageing();
    customers();
    drift();
    return out.toString();
  }

  private void summary() {
    heading("report.summary");
    TextTable t = new TextTable(new boolean[] {false, false});
    t.row(l.get("report.alerts"), l.count(r.alerts()));
    t.row(l.get("report.casesOpened"), l.count(r.casesOpened()));
    t.row(l.get("report.casesClosed"), l.count(r.casesClosed()));
    t.row(l.get("report.casesOpenNow"), l.count(r.ageing().openCases()));
    t.row(l.get("report.fpRate"), l.falsePositiveRate(r.dispositions()));
    t.appendTo(out, INDENT);
    out.append(INDENT).append(l.get("report.fpRate.note")).append("\n\n");
  }

  /** A table of counts and shares of the alerts, with a note under it when {@code note} is set. */
  private void tallies(
      String title,
      String column,
      List<Tally> tallies,
      Function<String, String> names,
      String note) {
    heading(title);
    if (r.alerts() == 0) {
      none("report.none.alerts");
      return;
    }
    TextTable t =
        TextTable.firstColumnText(
            l.get(column), l.get("report.col.alerts"), l.get("report.col.share"));
    for (Tally tally : tallies) {
      t.row(names.apply(tally.name()), l.count(tally.count()), l.share(tally.count(), r.alerts()));
    }
    t.appendTo(out, INDENT);
    if (note != null) {
      out.append(INDENT).append(l.get(note)).append('\n');
    }
    out.append('\n');
  }

  private void levels() {
    heading("report.byLevel");
    if (r.alerts() == 0) {
      none("report.none.alerts");
      return;
    }
    TextTable t =
        TextTable.firstColumnText(
            l.get("report.col.level"), l.get("report.col.alerts"), l.get("report.col.share"));
    for (RiskLevel level : List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW)) {
      long n = r.alertsByRiskLevel().get(level);
      t.row(l.level(level), l.count(n), l.share(n, r.alerts()));
    }
    table(t);
  }

  private void days() {
    heading("report.days");
    TextTable t =
        TextTable.firstColumnText(
            l.get("report.col.day"),
            l.get("report.col.alerts"),
            l.get("report.col.opened"),
            l.get("report.col.closed"));
    for (DayActivity d : r.days()) {
      t.row(
          d.day().toString(),
          l.count(d.alerts()),
          l.count(d.casesOpened()),
          l.count(d.casesClosed()));
    }
    table(t);
  }

  private void statuses() {
    heading("report.byStatus");
    TextTable t = TextTable.firstColumnText(l.get("report.col.status"), l.get("report.col.cases"));
    for (Map.Entry<CaseStatus, Long> e : r.casesByStatus().entrySet()) {
      t.row(e.getKey().name(), l.count(e.getValue()));
    }
    table(t);
  }

  private void ageing() {
    heading("report.ageing");
    CaseAgeing a = r.ageing();
    if (a.openCases() == 0) {
      none("report.none.open");
      return;
    }
    out.append(INDENT)
        .append(
            l.get(
                "report.ageing.summary",
                l.count(a.openCases()),
                l.duration(a.oldest()),
                l.duration(a.median())))
        .append('\n');
    TextTable t = TextTable.firstColumnText(l.get("report.col.age"), l.get("report.col.cases"));
    for (int i = 0; i < a.bands().size(); i++) {
      t.row(l.get("report.ageing.band." + i), l.count(a.bands().get(i)));
    }
    table(t);
  }

  private void customers() {
    out.append(l.topCustomers(r)).append('\n');
    if (r.topCustomers().isEmpty()) {
      none("report.none.customers");
      return;
    }
    TextTable t =
        new TextTable(
            new boolean[] {false, false, true, true, false, false},
            l.get("report.col.customer"),
            l.get("report.col.rating"),
            l.get("report.col.alerts"),
            l.get("report.col.highestScore"),
            l.get("report.col.ratedAt"),
            l.get("report.col.reasons"));
    for (RiskyCustomer c : r.topCustomers()) {
      t.row(
          c.customerId().value(),
          l.level(c.rating()),
          l.count(c.alerts()),
          c.alerts() == 0 ? "" : l.score(c.highestAlertScore()),
          l.time(c.ratedAt()),
          shortened(String.join("; ", c.reasons())));
    }
    t.appendTo(out, INDENT);
    out.append(INDENT).append(l.get("report.top.note")).append('\n');
  }

  /** The model's drift: the score's and the most drifted inputs' PSI. */
  private void drift() {
    ModelDrift d = r.modelDrift();
    if (d == null) {
      return;
    }
    out.append('\n');
    heading("report.drift");
    if (d.decisions() == 0) {
      none("report.none.drift");
      return;
    }
    out.append(INDENT)
        .append(
            l.get(
                "report.drift.summary",
                d.modelVersion(),
                l.count(d.decisions()),
                l.psi(d.scorePsi()),
                d.drifted(),
                l.psi(ModelDrift.WARNING)))
        .append('\n');
    TextTable t = TextTable.firstColumnText(l.get("report.col.input"), l.get("report.col.psi"));
    t.row(l.get("report.drift.score"), l.psi(d.scorePsi()));
    for (ModelDrift.InputDrift i : d.inputs().subList(0, Math.min(DRIFT_ROWS, d.inputs().size()))) {
      t.row(i.name(), l.psi(i.psi()));
    }
    t.appendTo(out, INDENT);
    out.append(INDENT).append(l.get("report.drift.note", DRIFT_ROWS)).append('\n');
  }

  private void heading(String key) {
    out.append(l.get(key)).append('\n');
  }

  private void none(String key) {
    out.append(INDENT).append(l.get(key)).append("\n\n");
  }

  private void table(TextTable t) {
    t.appendTo(out, INDENT);
    out.append('\n');
  }

  private static String shortened(String text) {
    return text.length() <= REASON_WIDTH ? text : text.substring(0, REASON_WIDTH - 1) + "…";
  }
}

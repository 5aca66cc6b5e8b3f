package io.amlmonitor.core.report;

import static io.amlmonitor.core.report.Html.escape;

import io.amlmonitor.core.cases.CaseAgeing;
import io.amlmonitor.core.cases.CaseStatus;
import io.amlmonitor.core.scoring.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A report as one HTML page: self-contained (inline style and inline SVG charts, no script, no
 * external resource), labelled in one language, every value from the data escaped. A section with
 * nothing to show says so instead of drawing an empty chart.
 *
 * <p>Implementation note: plain string building, as for the SAR draft: one fixed page, and one
 * escaping function ({@link Html#escape}) every value goes through.
 */
public final class ReportHtml {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em auto;max-width:62em;color:#111;padding:0 1em}"
          + "h1{font-size:1.5em;border-bottom:2px solid #111}h2{font-size:1.15em;margin-top:1.8em}"
          + "table{border-collapse:collapse;font-size:.9em}"
          + "th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}"
          + "th{background:#eee}td.n{text-align:right;white-space:nowrap}"
          + ".none,.note{color:#555}svg{max-width:100%;height:auto}"
          + "@media print{body{margin:0}}";
  private static final String BAR = "#4472c4";
  private static final String OPENED = "#ed7d31";
  private static final String CLOSED = "#70ad47";
  private static final Map<RiskLevel, String> LEVEL_COLORS =
      Map.of(RiskLevel.HIGH, "#c00000", RiskLevel.MEDIUM, "#ed7d31", RiskLevel.LOW, "#70ad47");

  private final AmlReport r;
  private final ReportLabels l;
  private final StringBuilder out = new StringBuilder(32_768);

  private ReportHtml(AmlReport report, Locale locale) {
    this.r = report;
    this.l = new ReportLabels(locale, report.zone());
  }

  /** The page for {@code report}, labelled in {@code locale}. */
  public static String render(AmlReport report, Locale locale) {
    return new ReportHtml(report, locale).page();
  }

  private String page() {
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append(escape(l.locale().toLanguageTag()))
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(l.get("report.title")))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(escape(l.get("report.title")))
        .append("</h1>\n<p>")
        .append(escape(l.period(r)))
        .append("</p>\n");
    summary();
    heading("report.byRule");
    chart(SvgChart.bars(l.get("report.byRule"), r.alertsByRule(), name -> name, t -> BAR, l));
    heading("report.byTypology");
    chart(
        SvgChart.bars(l.get("report.byTypology"), r.alertsByTypology(), l::typology, t -> BAR, l));
    if (r.alerts() > 0) {
      paragraph("note", l.get("report.byTypology.note"));
    }
    heading("report.byLevel");
    chart(
        SvgChart.bars(
            l.get("report.byLevel"),
            levels(),
            name -> l.level(RiskLevel.valueOf(name)),
            this::levelColor,
            l));
    perDay();
    statuses();
    ageing();
    customers();
    drift();
    out.append("</body></html>\n");
    return out.toString();
  }

  private void summary() {
    heading("report.summary");
    out.append("<table>");
    row("report.alerts", l.count(r.alerts()));
    row("report.casesOpened", l.count(r.casesOpened()));
    row("report.casesClosed", l.count(r.casesClosed()));
    row("report.casesOpenNow", l.count(r.ageing().openCases()));
    row("report.fpRate", l.falsePositiveRate(r.dispositions()));
    out.append("</table>\n");
    paragraph("note", l.get("report.fpRate.note"));
  }

  /** The levels from HIGH to LOW, named by the enum so that the chart can colour and label them. */
  private List<Tally> levels() {
    List<Tally> levels = new ArrayList<>();
    for (RiskLevel level : List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW)) {
      levels.add(new Tally(level.name(), r.alertsByRiskLevel().get(level)));
    }
    return levels;
  }

  private String levelColor(Tally t) {
    return LEVEL_COLORS.get(RiskLevel.valueOf(t.name()));
  }

  private void perDay() {
    List<String> days = r.days().stream().map(d -> d.day().toString()).toList();
    Function<String, String> monthDay = day -> day.substring(5);
    heading("report.perDay");
    List<Long> alerts = r.days().stream().map(DayActivity::alerts).toList();
    chart(
        SvgChart.columns(
            l.get("report.perDay"),
            days,
            monthDay,
            List.of(new SvgChart.Series(l.get("report.col.alerts"), BAR, alerts)),
            l),
        "report.none.alerts");
    heading("report.casesPerDay");
    List<Long> opened = r.days().stream().map(DayActivity::casesOpened).toList();
    List<Long> closed = r.days().stream().map(DayActivity::casesClosed).toList();
    chart(
        SvgChart.columns(
            l.get("report.casesPerDay"),
            days,
            monthDay,
            List.of(
                new SvgChart.Series(l.get("report.col.opened"), OPENED, opened),
                new SvgChart.Series(l.get("report.col.closed"), CLOSED, closed)),
            l),
        "report.none.cases");
  }

  private void statuses() {
    heading("report.byStatus");
    header("report.col.status", "report.col.cases");
    for (Map.Entry<CaseStatus, Long> e : r.casesByStatus().entrySet()) {
      out.append("<tr>");
      cell(e.getKey().name());
      numeric(l.count(e.getValue()));
      out.append("</tr>");
    }
    out.append("</table>\n");
  }

  private void ageing() {
    heading("report.ageing");
    CaseAgeing a = r.ageing();
    if (a.openCases() == 0) {
      paragraph("none", l.get("report.none.open"));
      return;
    }
    paragraph(
        null,
        l.get(
            "report.ageing.summary",
            l.count(a.openCases()),
            l.duration(a.oldest()),
            l.duration(a.median())));
    List<String> bands = new ArrayList<>();
    for (int i = 0; i < a.bands().size(); i++) {
      bands.add(l.get("report.ageing.band." + i));
    }
    chart(
        SvgChart.columns(
            l.get("report.ageing"),
            bands,
            band -> band,
            List.of(new SvgChart.Series(l.get("report.col.cases"), OPENED, a.bands())),
            l),
        "report.none.open");
  }

  private void customers() {
    out.append("<h2>").append(escape(l.topCustomers(r))).append("</h2>\n");
    if (r.topCustomers().isEmpty()) {
      paragraph("none", l.get("report.none.customers"));
      return;
    }
    header(
        "report.col.customer",
        "report.col.rating",
        "report.col.alerts",
        "report.col.highestScore",
        "report.col.ratedAt",
        "report.col.reasons");
    for (RiskyCustomer c : r.topCustomers()) {
      out.append("<tr>");
      cell(c.customerId().value());
      cell(l.level(c.rating()));
      numeric(l.count(c.alerts()));
      numeric(c.alerts() == 0 ? "" : l.score(c.highestAlertScore()));
      cell(l.time(c.ratedAt()));
      cell(String.join("; ", c.reasons()));
      out.append("</tr>");
    }
    out.append("</table>\n");
    paragraph("note", l.get("report.top.note"));
  }

  /** The model's drift: the score's and the most drifted inputs' PSI. */
  private void drift() {
    ModelDrift d = r.modelDrift();
    if (d == null) {
      return;
    }
    heading("report.drift");
    if (d.decisions() == 0) {
      paragraph("none", l.get("report.none.drift"));
      return;
    }
    paragraph(
        null,
        l.get(
            "report.drift.summary",
            d.modelVersion(),
            l.count(d.decisions()),
            l.psi(d.scorePsi()),
            d.drifted(),
            l.psi(ModelDrift.WARNING)));
    header("report.col.input", "report.col.psi");
    out.append("<tr>");
    cell(l.get("report.drift.score"));
    numeric(l.psi(d.scorePsi()));
    out.append("</tr>");
    for (ModelDrift.InputDrift i :
        d.inputs().subList(0, Math.min(ReportText.DRIFT_ROWS, d.inputs().size()))) {
      out.append("<tr>");
      cell(i.name());
      numeric(l.psi(i.psi()));
      out.append("</tr>");
    }
    out.append("</table>\n");
    paragraph("note", l.get("report.drift.note", ReportText.DRIFT_ROWS));
  }

  /** The chart, or the "no alerts" sentence when it has nothing to draw. */
  private void chart(String svg) {
    chart(svg, "report.none.alerts");
  }

  private void chart(String svg, String noneKey) {
    if (svg == null) {
      paragraph("none", l.get(noneKey));
    } else {
      out.append("<figure>").append(svg).append("</figure>\n");
    }
  }

  private void heading(String key) {
    out.append("<h2>").append(escape(l.get(key))).append("</h2>\n");
  }

  private void paragraph(String cssClass, String text) {
    out.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">")
        .append(escape(text))
        .append("</p>\n");
  }

  private void header(String... keys) {
    out.append("<table><tr>");
    for (String key : keys) {
      out.append("<th>").append(escape(l.get(key))).append("</th>");
    }
    out.append("</tr>");
  }

  private void row(String key, String value) {
    out.append("<tr><th>").append(escape(l.get(key))).append("</th>");
    numeric(value);
    out.append("</tr>");
  }

  private void cell(String value) {
    out.append("<td>").append(escape(value)).append("</td>");
  }

  private void numeric(String value) {
    out.append("<td class=\"n\">").append(escape(value)).append("</td>");
  }
}

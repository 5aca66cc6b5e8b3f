package io.amlmonitor.ml;

import static io.amlmonitor.core.report.Html.escape;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * A {@link TrainingReport} as one self-contained HTML page (inline style and SVG, no script): the
 * headline metrics beside the baseline's, ROC and precision–recall curves, reliability, recall by
 * typology, feature importance and the search's trials, in English or Brazilian Portuguese.
 */
public final class TrainingReportHtml {
  private static final int TOP_FEATURES = 20;
  private static final String MODEL_COLOR = "#3b6ea8";
  private static final String BASELINE_COLOR = "#c0504d";
  private static final String GUIDE_COLOR = "#999999";
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}"
          + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
          + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
          + "th:first-child,td:first-child{text-align:left}"
          + ".charts{display:flex;flex-wrap:wrap;gap:1.5em}"
          + "code{font-size:.9em}.note{color:#555;max-width:60em}";

  private final ResourceBundle bundle;
  private final Locale locale;

  public TrainingReportHtml(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "i18n.model_report",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The page. */
  public String render(TrainingReport r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(locale.toLanguageTag())
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(t("title"))
        .append(" ")
        .append(escape(r.metadata().version()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(t("title"))
        .append("</h1>\n");
    summary(h, r);
    metrics(h, r);
    charts(h, r);
    typologies(h, r);
    importance(h, r);
    search(h, r);
    return h.append("</body></html>\n").toString();
  }

  private void summary(StringBuilder h, TrainingReport r) {
    ModelMetadata m = r.metadata();
    h.append("<h2>").append(t("summary")).append("</h2><table>");
    row(h, t("version"), "<code>" + escape(m.version()) + "</code>");
    row(h, t("label"), "<code>" + escape(m.label()) + "</code>");
    row(h, t("rows"), num(r.rows()));
    row(h, t("positives"), num(r.positives()));
    row(h, t("scale_pos_weight"), fixed(m.scalePosWeight(), 1));
    row(h, t("fingerprint"), "<code>" + escape(m.fingerprint()) + "</code>");
    h.append("</table>\n<table><tr><th>")
        .append(t("period"))
        .append("</th><th>")
        .append(t("from"))
        .append("</th><th>")
        .append(t("to"))
        .append("</th><th>")
        .append(t("rows"))
        .append("</th><th>")
        .append(t("positives"))
        .append("</th></tr>");
    period(h, t("train"), r.split().train());
    period(h, t("validation"), r.split().validation());
    period(h, t("test"), r.split().test());
    h.append("</table>\n");
  }

  private void period(StringBuilder h, String name, Dataset d) {
    h.append("<tr><td>")
        .append(name)
        .append("</td><td>")
        .append(Instant.ofEpochMilli(d.eventMillis(0)))
        .append("</td><td>")
        .append(Instant.ofEpochMilli(d.eventMillis(d.size() - 1)))
        .append("</td><td>")
        .append(num(d.size()))
        .append("</td><td>")
        .append(num(d.positives()))
        .append("</td></tr>");
  }

  private void metrics(StringBuilder h, TrainingReport r) {
    String rate = percent(r.options().alertRate());
    h.append("<h2>")
        .append(t("test"))
        .append("</h2><table><tr><th>")
        .append(t("metric"))
        .append("</th><th>")
        .append(t("model"))
        .append("</th><th>")
        .append(t("baseline"))
        .append("</th></tr>");
    Evaluation m = r.test();
    Evaluation b = r.baselineTest();
    metric(h, t("roc_auc"), m.rocAuc(), b.rocAuc());
    metric(h, t("pr_auc"), m.prAuc(), b.prAuc());
    metric(h, t("recall_at_rate", rate), m.alerts().recall(), b.alerts().recall());
    metric(h, t("precision_at_rate", rate), m.alerts().precision(), b.alerts().precision());
    metric(h, t("threshold"), m.alerts().threshold(), b.alerts().threshold());
    metric(h, t("brier"), m.brier(), b.brier());
    h.append("</table>\n<table><tr><th>")
        .append(t("validation"))
        .append("</th><th>")
        .append(t("model"))
        .append("</th><th>")
        .append(t("baseline"))
        .append("</th></tr>");
    metric(h, t("roc_auc"), r.validation().rocAuc(), r.baselineValidation().rocAuc());
    metric(h, t("pr_auc"), r.validation().prAuc(), r.baselineValidation().prAuc());
    h.append("</table>\n");
  }

  private void charts(StringBuilder h, TrainingReport r) {
    Evaluation m = r.test();
    Evaluation b = r.baselineTest();
    double prevalence = (double) m.positives() / m.rows();
    h.append("<div class=\"charts\">\n")
        .append(
            SvgPlot.curves(
                t("roc_title"),
                t("fpr"),
                t("tpr"),
                List.of(
                    line(t("model"), MODEL_COLOR, false, m.rocCurve()),
                    line(t("baseline"), BASELINE_COLOR, false, b.rocCurve()),
                    line(t("chance"), GUIDE_COLOR, true, List.of(pt(0, 0), pt(1, 1))))))
        .append('\n')
        .append(
            SvgPlot.curves(
                t("pr_title"),
                t("recall"),
                t("precision"),
                List.of(
                    line(t("model"), MODEL_COLOR, false, m.precisionRecallCurve()),
                    line(t("baseline"), BASELINE_COLOR, false, b.precisionRecallCurve()),
                    line(
                        t("prevalence"),
                        GUIDE_COLOR,
                        true,
                        List.of(pt(0, prevalence), pt(1, prevalence))))))
        .append('\n');
    List<Ranking.Point> reliability = new ArrayList<>();
    for (Calibration.Bin bin : m.calibration()) {
      reliability.add(pt(bin.meanScore(), bin.observedRate()));
    }
    h.append(
            SvgPlot.curves(
                t("calibration_title"),
                t("mean_score"),
                t("observed_rate"),
                List.of(
                    line(t("model"), MODEL_COLOR, false, reliability),
                    line(t("ideal"), GUIDE_COLOR, true, List.of(pt(0, 0), pt(1, 1))))))
        .append("\n</div>\n<p class=\"note\">")
        .append(t("calibration_note", fixed(r.metadata().scalePosWeight(), 1)))
        .append("</p>\n");
  }

  private void typologies(StringBuilder h, TrainingReport r) {
    Map<String, Evaluation.GroupRecall> model = r.test().recallByGroup();
    if (model.isEmpty()) {
      return;
    }
    Map<String, Evaluation.GroupRecall> baseline = r.baselineTest().recallByGroup();
    h.append("<h2>")
        .append(t("typology_title"))
        .append("</h2><table><tr><th>")
        .append(t("typology"))
        .append("</th><th>")
        .append(t("positives"))
        .append("</th><th>")
        .append(t("alerted"))
        .append("</th><th>")
        .append(t("model"))
        .append("</th><th>")
        .append(t("baseline"))
        .append("</th></tr>");
    model.forEach(
        (group, g) ->
            h.append("<tr><td>")
                .append(escape(group))
                .append("</td><td>")
                .append(num(g.positives()))
                .append("</td><td>")
                .append(num(g.alerted()))
                .append("</td><td>")
                .append(percent(g.recall()))
                .append("</td><td>")
                .append(baseline.containsKey(group) ? percent(baseline.get(group).recall()) : "")
                .append("</td></tr>"));
    h.append("</table>\n");
  }

  private void importance(StringBuilder h, TrainingReport r) {
    List<FeatureImportance> top =
        r.importance().subList(0, Math.min(TOP_FEATURES, r.importance().size()));
    double[] shares = top.stream().mapToDouble(FeatureImportance::gainShare).toArray();
    h.append("<h2>")
        .append(t("importance_title", top.size()))
        .append("</h2>\n")
        .append(
            SvgPlot.bars(
                t("importance_title", top.size()),
                top.stream().map(FeatureImportance::feature).toList(),
                shares,
                "%.3f"))
        .append("\n<table><tr><th>")
        .append(t("feature"))
        .append("</th><th>")
        .append(t("gain_share"))
        .append("</th><th>")
        .append(t("mean_abs_shap"))
        .append("</th></tr>");
    for (FeatureImportance f : top) {
      h.append("<tr><td><code>")
          .append(escape(f.feature()))
          .append("</code></td><td>")
          .append(fixed(f.gainShare(), 4))
          .append("</td><td>")
          .append(fixed(f.meanAbsShap(), 4))
          .append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private void search(StringBuilder h, TrainingReport r) {
    h.append("<h2>")
        .append(t("search_title", String.valueOf(r.options().seed())))
        .append("</h2><table><tr><th>")
        .append(t("trial"))
        .append("</th><th>")
        .append(t("parameters"))
        .append("</th><th>")
        .append(t("pr_auc"))
        .append("</th><th>")
        .append(t("roc_auc"))
        .append("</th><th>")
        .append(t("seconds"))
        .append("</th></tr>");
    for (Trial trial : r.trials()) {
      StringBuilder params = new StringBuilder();
      trial
          .parameters()
          .asMap()
          .forEach(
              (k, v) ->
                  params
                      .append(k)
                      .append('=')
                      .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : v)
                      .append(' '));
      h.append("<tr><td>")
          .append(trial.number())
          .append(trial.number() == r.best().number() ? " (" + t("chosen") + ")" : "")
          .append("</td><td><code>")
          .append(escape(params.toString().trim()))
          .append("</code></td><td>")
          .append(fixed(trial.validationPrAuc(), 4))
          .append("</td><td>")
          .append(fixed(trial.validationRocAuc(), 4))
          .append("</td><td>")
          .append(fixed(trial.seconds(), 1))
          .append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private void metric(StringBuilder h, String name, double model, double baseline) {
    h.append("<tr><td>")
        .append(name)
        .append("</td><td>")
        .append(fixed(model, 4))
        .append("</td><td>")
        .append(fixed(baseline, 4))
        .append("</td></tr>");
  }

  private static void row(StringBuilder h, String name, String value) {
    h.append("<tr><th>").append(name).append("</th><td>").append(value).append("</td></tr>");
  }

  private static SvgPlot.Line line(
      String name, String color, boolean dashed, List<Ranking.Point> points) {
    return new SvgPlot.Line(name, color, dashed, points);
  }

  private static Ranking.Point pt(double x, double y) {
    return new Ranking.Point(x, y);
  }

  private String t(String key, Object... args) {
    return escape(new MessageFormat(bundle.getString(key), locale).format(args));
  }

  private String num(long n) {
    return String.format(locale, "%,d", n);
  }

  private String fixed(double v, int digits) {
    return String.format(locale, "%." + digits + "f", v);
  }

  private String percent(double v) {
    return String.format(locale, "%.1f%%", 100 * v);
  }
}

package io.amlmonitor.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * How well scores separate a period's positives: ranking quality, what a fixed alert rate catches
 * overall and per typology, and calibration.
 *
 * @param recallByGroup per typology (groups of positive rows only): positives, those alerted,
 *     recall
 */
public record Evaluation(
    int rows,
    int positives,
    double rocAuc,
    double prAuc,
    Ranking.Alerts alerts,
    Map<String, GroupRecall> recallByGroup,
    List<Calibration.Bin> calibration,
    double brier,
    List<Ranking.Point> rocCurve,
    List<Ranking.Point> precisionRecallCurve) {

  /** Recall of one typology at the alert rate. */
  public record GroupRecall(int positives, int alerted) {
    public double recall() {
      return (double) alerted / positives;
    }
  }

  /** Most points kept of each curve. */
  static final int CURVE_POINTS = 200;

  /** Scores every row of {@code data} with {@code model} and evaluates. */
  public static Evaluation of(Dataset data, ToDoubleFunction<double[]> model, double alertRate) {
    double[] scores = new double[data.size()];
    boolean[] labels = new boolean[data.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.applyAsDouble(data.row(i));
      labels[i] = data.label(i);
    }
    return of(data, scores, labels, alertRate);
  }

  private static Evaluation of(Dataset data, double[] scores, boolean[] labels, double rate) {
    Ranking ranking = new Ranking(scores, labels);
    Ranking.Alerts alerts = ranking.alertTop(rate);
    boolean[] alerted = new boolean[scores.length];
    for (int i : alerts.rows()) {
      alerted[i] = true;
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (int i = 0; i < scores.length; i++) {
      String group = data.group(i);
      if (labels[i] && group != null) {
        int[] c = counts.computeIfAbsent(group, g -> new int[2]);
        c[0]++;
        c[1] += alerted[i] ? 1 : 0;
      }
    }
    Map<String, GroupRecall> byGroup = new LinkedHashMap<>();
    counts.forEach((g, c) -> byGroup.put(g, new GroupRecall(c[0], c[1])));
    return new Evaluation(
        scores.length,
        ranking.positives(),
        ranking.rocAuc(),
        ranking.prAuc(),
        alerts,
        byGroup,
        Calibration.bins(scores, labels, 10),
        Calibration.brier(scores, labels),
        Ranking.thin(ranking.rocCurve(), CURVE_POINTS),
        Ranking.thin(ranking.precisionRecallCurve(), CURVE_POINTS));
  }

  /** The figures under snake_case names, for the JSON report (curves left out). */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("positives", positives);
    m.put("roc_auc", rocAuc);
    m.put("pr_auc", prAuc);
    m.put("alert_rate", alerts.rate());
    m.put("alerts", alerts.rows().length);
    m.put("alert_threshold", alerts.threshold());
    m.put("recall_at_alert_rate", alerts.recall());
    m.put("precision_at_alert_rate", alerts.precision());
    Map<String, Object> groups = new LinkedHashMap<>();
    recallByGroup.forEach(
        (g, r) -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("positives", r.positives());
          e.put("alerted", r.alerted());
          e.put("recall", r.recall());
          groups.put(g, e);
        });
    m.put("recall_by_typology", groups);
    m.put("brier", brier);
    m.put(
        "calibration",
        calibration.stream()
            .map(
                b -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("low", b.low());
                  e.put("high", b.high());
                  e.put("rows", b.rows());
                  e.put("mean_score", b.meanScore());
                  e.put("observed_rate", b.observedRate());
                  return e;
                })
            .toList());
    return m;
  }

  /** The curves as [x, y] pairs, for the JSON report. */
  public Map<String, Object> curves() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("roc", rocCurve.stream().map(p -> new double[] {p.x(), p.y()}).toList());
    m.put(
        "precision_recall",
        precisionRecallCurve.stream().map(p -> new double[] {p.x(), p.y()}).toList());
    return m;
  }
}

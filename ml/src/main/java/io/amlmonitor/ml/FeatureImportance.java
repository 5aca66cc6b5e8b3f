package io.amlmonitor.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the model leans on one feature: the total gain of its splits (and that as a share of all
 * gain) and its mean absolute SHAP value over a sample of scored rows, in margin units.
 */
public record FeatureImportance(
    String feature, double totalGain, double gainShare, double meanAbsShap) {

  /** Most rows whose SHAP values are averaged. */
  static final int SHAP_ROWS = 5_000;

  /** Every feature's importance, largest total gain first. */
  public static List<FeatureImportance> of(TreeEnsemble model, List<String> names, Dataset rows) {
    double[] gain = model.totalGain();
    double totalGain = 0;
    for (double g : gain) {
      totalGain += g;
    }
    double[] shap = new double[names.size()];
    TreeShap explainer = new TreeShap(model);
    int n = Math.min(rows.size(), SHAP_ROWS);
    // Evenly spaced rows, so a sample of a time-ordered period covers all of it.
    for (int k = 0; k < n; k++) {
      double[] phi = explainer.contributions(rows.row((int) ((long) k * rows.size() / n)));
      for (int j = 0; j < shap.length; j++) {
        shap[j] += Math.abs(phi[j]);
      }
    }
    List<FeatureImportance> out = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      out.add(
          new FeatureImportance(
              names.get(j),
              gain[j],
              totalGain > 0 ? gain[j] / totalGain : 0,
              n > 0 ? shap[j] / n : 0));
    }
    out.sort(
        Comparator.comparingDouble(FeatureImportance::totalGain)
            .reversed()
            .thenComparing(FeatureImportance::feature));
    return out;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("feature", feature);
    m.put("total_gain", totalGain);
    m.put("gain_share", gainShare);
    m.put("mean_abs_shap", meanAbsShap);
    return m;
  }
}

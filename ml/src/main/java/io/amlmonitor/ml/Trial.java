package io.amlmonitor.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of the hyper-parameter search, judged on the validation period.
 *
 * @param number 1-based
 */
public record Trial(
    int number,
    HyperParameters parameters,
    double validationPrAuc,
    double validationRocAuc,
    double seconds) {

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trial", number);
    m.put("hyper_parameters", parameters.asMap());
    m.put("validation_pr_auc", validationPrAuc);
    m.put("validation_roc_auc", validationRocAuc);
    m.put("seconds", seconds);
    return m;
  }
}

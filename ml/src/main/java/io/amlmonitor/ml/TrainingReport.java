package io.amlmonitor.ml;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What training produced and how it did: the model and its metadata, the split, every search trial,
 * the chosen model's and the baseline's evaluations, and feature importance. {@link #toJson()} is
 * the report file's content.
 */
public record TrainingReport(
    ModelMetadata metadata,
    byte[] modelJson,
    TrainingOptions options,
    int rows,
    int positives,
    TimeSplit split,
    List<Trial> trials,
    Trial best,
    Evaluation validation,
    Evaluation test,
    Evaluation baselineValidation,
    Evaluation baselineTest,
    List<FeatureImportance> importance) {

  /** The report as nested maps and lists, keys in snake_case. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("version", metadata.version());
    model.put("created_at", metadata.createdAt().toString());
    model.put("type", ModelMetadata.MODEL_TYPE);
    model.put("trees", TreeEnsemble.fromXgboostJson(modelJson).treeCount());
    m.put("model", model);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("label", metadata.label());
    data.put("rows", rows);
    data.put("positives", positives);
    data.put("features", metadata.featureNames().size());
    data.put("fingerprint_sha256", metadata.fingerprint());
    m.put("data", data);
    Map<String, Object> periods = new LinkedHashMap<>();
    periods.put("method", "time-ordered by event_timestamp");
    periods.put("train", period(split.train()));
    periods.put("validation", period(split.validation()));
    periods.put("test", period(split.test()));
    m.put("split", periods);
    m.put("scale_pos_weight", metadata.scalePosWeight());
    Map<String, Object> search = new LinkedHashMap<>();
    search.put("method", "seeded random search");
    search.put("objective", "validation.pr_auc");
    search.put("seed", options.seed());
    search.put("trials", trials.stream().map(Trial::toMap).toList());
    search.put("best_trial", best.number());
    m.put("search", search);
    m.put("hyper_parameters", best.parameters().asMap());
    m.put("validation", validation.summary());
    m.put("test", test.summary());
    Map<String, Object> baseline = new LinkedHashMap<>();
    baseline.put("model", "logistic regression (standardised sign·log1p features, seeded SGD)");
    baseline.put("validation", baselineValidation.summary());
    baseline.put("test", baselineTest.summary());
    m.put("baseline", baseline);
    m.put("feature_importance", importance.stream().map(FeatureImportance::toMap).toList());
    Map<String, Object> curves = new LinkedHashMap<>();
    curves.put("model", test.curves());
    curves.put("baseline", baselineTest.curves());
    m.put("test_curves", curves);
    return m;
  }

  private static Map<String, Object> period(Dataset d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", d.size());
    m.put("positives", d.positives());
    m.put("from", Instant.ofEpochMilli(d.eventMillis(0)).toString());
    m.put("to", Instant.ofEpochMilli(d.eventMillis(d.size() - 1)).toString());
    return m;
  }
}

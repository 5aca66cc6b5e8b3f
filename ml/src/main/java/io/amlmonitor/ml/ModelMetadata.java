package io.amlmonitor.ml;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a registered model is: its version, the features it reads (in order), the label it predicts,
 * a fingerprint of the data it learned from, how it was trained and how it did.
 *
 * @param featureNames the row layout {@link TreeEnsemble} expects
 * @param fingerprint {@link Dataset#fingerprint()} of all the input (train, validation and test)
 * @param alertThreshold the score at which the fixed alert rate was met on the test period
 * @param metrics headline figures, e.g. {@code test.pr_auc}
 * @param driftReference {@link DriftReference#toMap()}; empty when none was made
 */
public record ModelMetadata(
    String version,
    Instant createdAt,
    List<String> featureNames,
    String label,
    String fingerprint,
    int trainingRows,
    Map<String, Object> hyperParameters,
    double scalePosWeight,
    long seed,
    double alertThreshold,
    Map<String, Object> metrics,
    Map<String, Object> driftReference) {

  public static final String MODEL_TYPE = "xgboost-gbtree-binary-logistic";
  public static final String XGBOOST_VERSION = "3.0.4";

  public ModelMetadata {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(createdAt, "created_at");
    featureNames = List.copyOf(featureNames);
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(fingerprint, "fingerprint");
    hyperParameters = Map.copyOf(hyperParameters);
    metrics = Map.copyOf(metrics);
    driftReference = Map.copyOf(driftReference);
  }

  /** Metadata without a drift reference. */
  public ModelMetadata(
      String version,
      Instant createdAt,
      List<String> featureNames,
      String label,
      String fingerprint,
      int trainingRows,
      Map<String, Object> hyperParameters,
      double scalePosWeight,
      long seed,
      double alertThreshold,
      Map<String, Object> metrics) {
    this(
        version,
        createdAt,
        featureNames,
        label,
        fingerprint,
        trainingRows,
        hyperParameters,
        scalePosWeight,
        seed,
        alertThreshold,
        metrics,
        Map.of());
  }

  /** The metadata as written to {@code metadata.json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("created_at", createdAt.toString());
    m.put("model_type", MODEL_TYPE);
    m.put("trained_with", "xgboost4j " + XGBOOST_VERSION);
    m.put("label", label);
    m.put("feature_names", featureNames);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("fingerprint_sha256", fingerprint);
    data.put("training_rows", trainingRows);
    m.put("training_data", data);
    m.put("hyper_parameters", new TreeMap<>(hyperParameters));
    m.put("scale_pos_weight", scalePosWeight);
    m.put("seed", seed);
    m.put("alert_threshold", alertThreshold);
    m.put("metrics", new TreeMap<>(metrics));
    if (!driftReference.isEmpty()) {
      // In the reference's own order (bins, features in row order, score).
      Map<String, Object> reference = new LinkedHashMap<>();
      for (String key : List.of("bins", "features", "score")) {
        if (driftReference.containsKey(key)) {
          reference.put(key, driftReference.get(key));
        }
      }
      m.put(DriftReference.KEY, reference);
    }
    return m;
  }
}

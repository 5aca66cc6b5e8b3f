package io.amlmonitor.ml;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training use case: split labelled examples by time, search the booster's hyper-parameters on
 * the validation period (positives weighted by {@code scale_pos_weight} = negatives / positives of
 * the training period), evaluate the winner and a logistic-regression baseline once on the test
 * period, and describe the result as a {@link TrainingReport} with the model and its metadata.
 */
public final class ModelTraining {
  /** Told how training goes, for a progress display. */
  public interface Listener {
    void split(TimeSplit split, double scalePosWeight);

    void trial(Trial trial, int trials);
  }

  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;

  /**
   * @param clock when the model is made (its version and metadata)
   */
  public ModelTraining(Clock clock) {
    this.clock = clock;
  }

  /**
   * Trains on {@code data}.
   *
   * @param label the name of the label column, recorded in the metadata
   * @throws TrainingDataException if a period lacks positives or negatives
   */
  public TrainingReport train(
      Dataset data, String label, TrainingOptions options, Listener listener) {
    if (data.size() == 0) {
      throw new TrainingDataException("there are no labelled rows to train on");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String fingerprint = data.fingerprint();
    TimeSplit split = TimeSplit.of(data, options.trainShare(), options.validationShare());
    int trainPositives = split.train().positives();
    double scalePosWeight = (double) (split.train().size() - trainPositives) / trainPositives;
    listener.split(split, scalePosWeight);

    HyperParameterSearch.Result search =
        new HyperParameterSearch(new XgboostTrainer(options.threads()))
            .run(
                split.train(),
                split.validation(),
                options.trials(),
                scalePosWeight,
                options.seed(),
                t -> listener.trial(t, options.trials()));
    TreeEnsemble model = TreeEnsemble.fromXgboostJson(search.bestModel());
    Evaluation validation = Evaluation.of(split.validation(), model::predict, options.alertRate());
    Evaluation test = Evaluation.of(split.test(), model::predict, options.alertRate());

    LogisticRegression baseline =
        LogisticRegression.fit(split.train(), scalePosWeight, options.seed());
    Evaluation baselineValidation =
        Evaluation.of(split.validation(), baseline::predict, options.alertRate());
    Evaluation baselineTest = Evaluation.of(split.test(), baseline::predict, options.alertRate());

    var importance = FeatureImportance.of(model, data.featureNames(), split.test());
    String version = "gbt-" + VERSION_TIME.format(now) + "-" + fingerprint.substring(0, 8);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("validation.pr_auc", validation.prAuc());
    metrics.put("validation.roc_auc", validation.rocAuc());
    metrics.put("test.pr_auc", test.prAuc());
    metrics.put("test.roc_auc", test.rocAuc());
    metrics.put("test.recall_at_alert_rate", test.alerts().recall());
    metrics.put("test.alert_rate", options.alertRate());
    ModelMetadata metadata =
        new ModelMetadata(
            version,
            now,
            data.featureNames(),
            label,
            fingerprint,
            split.train().size(),
            search.best().parameters().asMap(),
            scalePosWeight,
            options.seed(),
            test.alerts().threshold(),
            metrics,
            driftReference(split, model).toMap());
    return new TrainingReport(
        metadata,
        search.bestModel(),
        options,
        data.size(),
        data.positives(),
        split,
        search.trials(),
        search.best(),
        validation,
        test,
        baselineValidation,
        baselineTest,
        importance);
  }

  /**
   * The inputs as the training period had them, and the score as the model gives it on the test
   * period: the latest rows it did not learn from, the closest to what it will see live (its scores
   * on its own training rows are more extreme than it will ever give again).
   */
  private static DriftReference driftReference(TimeSplit split, TreeEnsemble model) {
    double[] scores = new double[split.test().size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.predict(split.test().row(i));
    }
    return DriftReference.of(split.train(), scores);
  }
}

package io.amlmonitor.core.scoring;

import io.amlmonitor.core.feature.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model that scores a transaction's features: the probability it gives and, on demand,
 * how much each input pushed that probability up or down. Implementations are thread-safe and read
 * their inputs by feature name, so a model keeps working when the catalogue grows (a feature it was
 * trained on and the vector lacks is read as missing).
 */
public interface RiskModel {
  /** The registered version, as {@code aml models list} shows it. */
  String version();

  /**
   * The model's score for the transaction, in [0, 1].
   *
   * @param amount the transaction's amount, an input of its own beside the features
   */
  double probability(FeatureVector features, double amount);

  /**
   * Each input's contribution to the score's log-odds (SHAP values), strongest push upwards first;
   * inputs that contribute nothing are left out.
   */
  List<FeatureContribution> contributions(FeatureVector features, double amount);

  /**
   * Whether {@code feature} is one of the model's inputs: features computed on demand (the graph's)
   * are computed only for a model that reads them.
   */
  boolean reads(String feature);

  /**
   * The first {@code limit} upward contributions of {@link #contributions} (fewer when fewer inputs
   * raise the score), strongest first. A model may find them without listing and sorting every
   * input, as a decision's explanation needs only these.
   */
  default List<FeatureContribution> strongestContributions(
      FeatureVector features, double amount, int limit) {
    List<FeatureContribution> top = new ArrayList<>(limit);
    for (FeatureContribution c : contributions(features, amount)) {
      if (top.size() == limit || c.contribution() <= 0) {
        break;
      }
      top.add(c);
    }
    return top;
  }
}

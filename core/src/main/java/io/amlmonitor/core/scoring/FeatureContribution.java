package io.amlmonitor.core.scoring;

import java.util.Objects;

/**
 * How much one input moved a model's score: its SHAP value in log-odds, with the value it had.
 *
 * @param feature the input's name ({@code amount} or a feature of the catalogue)
 * @param value the input's value; NaN when the model read it as missing
 * @param contribution the change in log-odds it caused; positive raises the risk
 */
public record FeatureContribution(String feature, double value, double contribution) {
  public FeatureContribution {
    Objects.requireNonNull(feature, "feature");
    if (!Double.isFinite(contribution)) {
      throw new IllegalArgumentException(
          "contribution of " + feature + " must be finite, was " + contribution);
    }
  }
}

package io.amlmonitor.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability bins: scores cut into equal-width bins over [0, 1], each with its rows' mean score
 * and observed positive rate. A calibrated model's points lie on the diagonal.
 */
public final class Calibration {
  /** One bin: [{@code low}, {@code high}), the last closed. */
  public record Bin(double low, double high, int rows, double meanScore, double observedRate) {}

  private Calibration() {}

  /** {@code bins} reliability bins; empty ones are left out. */
  public static List<Bin> bins(double[] scores, boolean[] labels, int bins) {
    int[] rows = new int[bins];
    int[] positives = new int[bins];
    double[] sums = new double[bins];
    for (int i = 0; i < scores.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) (scores[i] * bins)));
      rows[b]++;
      positives[b] += labels[i] ? 1 : 0;
      sums[b] += scores[i];
    }
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (rows[b] > 0) {
        out.add(
            new Bin(
                (double) b / bins,
                (double) (b + 1) / bins,
                rows[b],
                sums[b] / rows[b],
                (double) positives[b] / rows[b]));
      }
    }
    return out;
  }

  /** Mean squared difference between score and outcome. */
  public static double brier(double[] scores, boolean[] labels) {
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      double d = scores[i] - (labels[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / scores.length;
  }
}

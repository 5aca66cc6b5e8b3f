package io.amlmonitor.ml;

import java.util.Arrays;

/**
 * One leaf's path-dependent SHAP values for every set of its path's features a row may follow: the
 * leaf's share of each feature's contribution, as {@link TreeShap} computes it, tabulated.
 *
 * <p>The leaf's path splits on d distinct features; {@code zero[k]} is the share of training cover
 * that follows the path at every split on feature k. A row "follows" feature k when it goes the
 * path's way at every split on it; for each followed set T (a d-bit mask), feature k's value is
 * {@code leaf · (1[k ∈ T] − zero[k]) · Σ_{S ⊆ T∖{k}} w(|S|) · Π_{j ∉ S, j ≠ k} zero[j]}, with w the
 * Shapley weights.
 */
final class LeafShap {
  private LeafShap() {}

  /**
   * The d values for each followed set, {@code d} apart: entry {@code followed · d + k} is feature
   * k's.
   */
  static double[] table(double value, double[] zero, int d) {
    double[] table = new double[(1 << d) * d];
    double[] weight = shapleyWeights(d);
    double[] poly = new double[d + 1];
    for (int followed = 0; followed < (1 << d); followed++) {
      for (int k = 0; k < d; k++) {
        // Σ over coalitions S ⊆ followed \ {k} of w(|S|) · Π_{j ∉ S, j ≠ k} zero[j]: poly[s]
        // collects the products by |S|.
        Arrays.fill(poly, 0);
        poly[0] = 1;
        int n = 0;
        for (int j = 0; j < d; j++) {
          if (j == k) {
            continue;
          }
          boolean in = (followed & (1 << j)) != 0;
          for (int s = n + 1; s >= 0; s--) {
            double stay = poly[s] * zero[j];
            double join = in && s > 0 ? poly[s - 1] : 0;
            poly[s] = stay + join;
          }
          n++;
        }
        double sum = 0;
        for (int s = 0; s < d; s++) {
          sum += weight[s] * poly[s];
        }
        double one = (followed & (1 << k)) != 0 ? 1 : 0;
        table[followed * d + k] = value * (one - zero[k]) * sum;
      }
    }
    return table;
  }

  /** w(s) = s!(d-1-s)!/d!, the Shapley weight of a coalition of s among d players. */
  private static double[] shapleyWeights(int d) {
    double[] w = new double[Math.max(d, 1)];
    for (int s = 0; s < d; s++) {
      double v = 1.0 / d;
      // s!(d-1-s)!/(d-1)! = 1 / C(d-1, s)
      double c = 1;
      for (int i = 1; i <= s; i++) {
        c = c * (d - 1 - s + i) / i;
      }
      w[s] = v / c;
    }
    return w;
  }
}

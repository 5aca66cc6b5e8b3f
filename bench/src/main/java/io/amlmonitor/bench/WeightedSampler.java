package io.amlmonitor.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws indices {@code 0..n-1} with probability proportional to fixed weights. */
final class WeightedSampler {
  private final double[] cumulative;

  WeightedSampler(double[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) {
        throw new IllegalArgumentException("weight " + i + " must be >= 0, was " + weights[i]);
      }
      total += weights[i];
      cumulative[i] = total;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
  }

  /** Zipf popularity: rank {@code k} (from 0) has weight {@code 1 / (k + 1)^exponent}. */
  static WeightedSampler zipf(int n, double exponent) {
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      w[k] = 1 / Math.pow(k + 1, exponent);
    }
    return new WeightedSampler(w);
  }

  int next(SplittableRandom random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    int index = i >= 0 ? i : -i - 1;
    return Math.min(index, cumulative.length - 1);
  }

  /** The probability of index {@code i}. */
  double probability(int i) {
    return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
  }
}

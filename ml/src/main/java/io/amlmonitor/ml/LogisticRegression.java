package io.amlmonitor.ml;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The baseline: logistic regression on standardised features, fitted by seeded mini-batch gradient
 * descent with an L2 penalty and positives weighted as in the booster.
 *
 * <p>Each value is first compressed as {@code sign(x)·ln(1 + |x|)}: amounts and counts are
 * heavy-tailed, and without it a handful of large values dominate the standardised scale. That is
 * the only help the baseline gets; it sees the same features and the same training period as the
 * booster.
 */
public final class LogisticRegression {
  private static final int EPOCHS = 20;
  private static final int BATCH = 256;
  private static final double RATE = 0.1;
  private static final double L2 = 1e-4;

  private final double[] mean;
  private final double[] scale;
  private final double[] weights;
  private final double intercept;

  private LogisticRegression(double[] mean, double[] scale, double[] weights, double intercept) {
    this.mean = mean;
    this.scale = scale;
    this.weights = weights;
    this.intercept = intercept;
  }

  /** Fits to {@code train}; the same seed gives the same model. */
  public static LogisticRegression fit(Dataset train, double positiveWeight, long seed) {
    int n = train.size();
    int f = train.featureCount();
    double[] mean = new double[f];
    double[] scale = new double[f];
    for (int i = 0; i < n; i++) {
      double[] row = train.row(i);
      for (int j = 0; j < f; j++) {
        mean[j] += compress(row[j]);
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      double[] row = train.row(i);
      for (int j = 0; j < f; j++) {
        double d = compress(row[j]) - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < f; j++) {
      double sd = Math.sqrt(scale[j] / n);
      scale[j] = sd > 1e-12 ? sd : 1;
    }
    double[][] z = new double[n][];
    for (int i = 0; i < n; i++) {
      z[i] = standardise(train.row(i), mean, scale);
    }
    double[] w = new double[f];
    double b = 0;
    double[] grad = new double[f];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      shuffle(order, random);
      double rate = RATE / Math.sqrt(1 + epoch);
      for (int start = 0; start < n; start += BATCH) {
        int end = Math.min(n, start + BATCH);
        Arrays.fill(grad, 0);
        double gradB = 0;
        double totalWeight = 0;
        for (int k = start; k < end; k++) {
          int i = order[k];
          double weight = train.label(i) ? positiveWeight : 1;
          double error = weight * (sigmoid(dot(w, z[i]) + b) - (train.label(i) ? 1 : 0));
          for (int j = 0; j < f; j++) {
            grad[j] += error * z[i][j];
          }
          gradB += error;
          totalWeight += weight;
        }
        for (int j = 0; j < f; j++) {
          w[j] -= rate * (grad[j] / totalWeight + L2 * w[j]);
        }
        b -= rate * gradB / totalWeight;
      }
    }
    return new LogisticRegression(mean, scale, w, b);
  }

  /** The probability of the positive class (as weighted in training). */
  public double predict(double[] x) {
    return sigmoid(dot(weights, standardise(x, mean, scale)) + intercept);
  }

  private static double[] standardise(double[] x, double[] mean, double[] scale) {
    double[] z = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      z[j] = (compress(x[j]) - mean[j]) / scale[j];
    }
    return z;
  }

  private static double compress(double x) {
    return Math.signum(x) * Math.log1p(Math.abs(x));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double sigmoid(double m) {
    return 1 / (1 + Math.exp(-m));
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}

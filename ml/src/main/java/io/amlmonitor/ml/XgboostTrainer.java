package io.amlmonitor.ml;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a binary:logistic tree booster with XGBoost4J (native XGBoost) and hands back its JSON
 * model, the only form the rest of the code uses: scoring needs no native library.
 */
public final class XgboostTrainer {
  private final int threads;

  /**
   * @param threads XGBoost's {@code nthread}; results are deterministic for a fixed count
   */
  public XgboostTrainer(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
  }

  /**
   * Trains on {@code data}.
   *
   * @param scalePosWeight the weight of a positive relative to a negative (class imbalance)
   * @return the model as XGBoost's JSON
   * @throws ModelException if XGBoost fails or its native library cannot be loaded
   */
  public byte[] train(Dataset data, HyperParameters hp, double scalePosWeight, long seed) {
    DMatrix matrix = null;
    Booster booster = null;
    try {
      matrix = matrix(data);
      Map<String, Object> params = hp.xgboost(scalePosWeight, seed, threads);
      booster = XGBoost.train(matrix, params, hp.rounds(), Map.of(), null, null);
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new ModelException("XGBoost failed: " + e.getMessage(), e);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new ModelException(
          "XGBoost's native library could not be loaded on this platform: " + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  /** The rows as XGBoost's dense float matrix, labels set; the caller disposes it. */
  static DMatrix matrix(Dataset data) throws XGBoostError {
    int n = data.size();
    int f = data.featureCount();
    float[] values = new float[Math.multiplyExact(n, f)];
    for (int i = 0; i < n; i++) {
      double[] row = data.row(i);
      for (int j = 0; j < f; j++) {
        values[i * f + j] = (float) row[j];
      }
    }
    DMatrix matrix = new DMatrix(values, n, f, Float.NaN);
    matrix.setLabel(data.labelValues());
    return matrix;
  }
}

package io.amlmonitor.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The tree booster's settings that the search varies, under XGBoost's names.
 *
 * @param maxDepth deepest tree, 1–12
 * @param eta learning rate (shrinkage), in (0, 1]
 * @param rounds number of trees
 * @param minChildWeight least hessian (cover) a leaf may hold
 * @param subsample share of rows each tree sees, in (0, 1]
 * @param colsampleBytree share of features each tree sees, in (0, 1]
 * @param lambda L2 penalty on leaf values
 */
public record HyperParameters(
    int maxDepth,
    double eta,
    int rounds,
    double minChildWeight,
    double subsample,
    double colsampleBytree,
    double lambda) {

  public HyperParameters {
    check(maxDepth >= 1 && maxDepth <= 12, "max_depth", maxDepth);
    check(eta > 0 && eta <= 1, "eta", eta);
    check(rounds >= 1, "rounds", rounds);
    check(minChildWeight >= 0, "min_child_weight", minChildWeight);
    check(subsample > 0 && subsample <= 1, "subsample", subsample);
    check(colsampleBytree > 0 && colsampleBytree <= 1, "colsample_bytree", colsampleBytree);
    check(lambda >= 0, "lambda", lambda);
  }

  /** XGBoost's usual starting point, with more trees at a lower rate: the search's first trial. */
  public static HyperParameters defaults() {
    return new HyperParameters(6, 0.1, 200, 1, 0.8, 0.8, 1);
  }

  /** A random point of the search space (log-uniform for rates and penalties). */
  public static HyperParameters sample(RandomGenerator random) {
    return new HyperParameters(
        3 + random.nextInt(6),
        logUniform(random, 0.02, 0.3),
        100 + 50 * random.nextInt(7),
        logUniform(random, 0.5, 20),
        0.6 + 0.4 * random.nextDouble(),
        0.5 + 0.5 * random.nextDouble(),
        logUniform(random, 0.3, 10));
  }

  private static double logUniform(RandomGenerator random, double low, double high) {
    return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
  }

  /** The parameters for XGBoost's {@code train}, for a binary:logistic booster. */
  public Map<String, Object> xgboost(double scalePosWeight, long seed, int threads) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("objective", "binary:logistic");
    p.put("tree_method", "hist");
    p.put("eval_metric", "aucpr");
    p.put("max_depth", maxDepth);
    p.put("eta", eta);
    p.put("min_child_weight", minChildWeight);
    p.put("subsample", subsample);
    p.put("colsample_bytree", colsampleBytree);
    p.put("lambda", lambda);
    p.put("scale_pos_weight", scalePosWeight);
    p.put("seed", seed);
    p.put("nthread", threads);
    p.put("verbosity", 0);
    return p;
  }

  /** The values under XGBoost's names, for reports. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_depth", maxDepth);
    m.put("eta", eta);
    m.put("n_estimators", rounds);
    m.put("min_child_weight", minChildWeight);
    m.put("subsample", subsample);
    m.put("colsample_bytree", colsampleBytree);
    m.put("lambda", lambda);
    return m;
  }

  private static void check(boolean ok, String name, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("hyper-parameter " + name + " is out of range: " + value);
    }
  }
}

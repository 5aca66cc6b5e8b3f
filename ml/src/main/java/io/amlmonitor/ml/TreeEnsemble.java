package io.amlmonitor.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A gradient-boosted tree ensemble for binary classification, evaluated in pure Java from the JSON
 * model XGBoost saves ({@code Booster.saveModel("model.json")} or {@code toByteArray("json")}): no
 * native library at scoring time.
 *
 * <p>It predicts what XGBoost predicts: each value is rounded to {@code float} as XGBoost's {@code
 * DMatrix} stores it, goes left when below the split value (or, when NaN, to the node's default
 * side), and the margin is the base margin plus the leaves' values summed in {@code float}, tree by
 * tree, in XGBoost's order. Thread-safe and immutable.
 *
 * <p>Implementation note: the nodes of all trees sit in flat arrays (children as absolute indices),
 * so a prediction walks primitive arrays with no object per node.
 */
public final class TreeEnsemble {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int featureCount;
  private final float baseMargin;
  private final int[] roots;
  private final int[] depths;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] split;
  private final boolean[] defaultLeft;
  private final double[] cover;
  private final double[] gain;

  private TreeEnsemble(
      int featureCount,
      float baseMargin,
      int[] roots,
      int[] depths,
      int[] left,
      int[] right,
      int[] feature,
      float[] split,
      boolean[] defaultLeft,
      double[] cover,
      double[] gain) {
    this.featureCount = featureCount;
    this.baseMargin = baseMargin;
    this.roots = roots;
    this.depths = depths;
    this.left = left;
    this.right = right;
    this.feature = feature;
    this.split = split;
    this.defaultLeft = defaultLeft;
    this.cover = cover;
    this.gain = gain;
  }

  /**
   * Reads an XGBoost JSON model of a {@code gbtree} booster with a logistic objective ({@code
   * binary:logistic} or {@code reg:logistic}) and numerical splits.
   *
   * @throws ModelException naming what is malformed or not supported
   */
  public static TreeEnsemble fromXgboostJson(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new ModelException("the model is not JSON: " + e.getMessage(), e);
    }
    JsonNode learner = required(root, "learner");
    String objective = required(required(learner, "objective"), "name").asText();
    if (!objective.equals("binary:logistic") && !objective.equals("reg:logistic")) {
      throw new ModelException(
          "objective '" + objective + "' is not supported; expected binary:logistic");
    }
    JsonNode booster = required(learner, "gradient_booster");
    String boosterName = required(booster, "name").asText();
    if (!boosterName.equals("gbtree")) {
      throw new ModelException("booster '" + boosterName + "' is not supported; expected gbtree");
    }
    JsonNode params = required(learner, "learner_model_param");
    int featureCount = Integer.parseInt(required(params, "num_feature").asText());
    String base = required(params, "base_score").asText().replace("[", "").replace("]", "");
    float baseScore = Float.parseFloat(base);
    if (!(baseScore > 0 && baseScore < 1)) {
      throw new ModelException("base_score " + base + " is not a probability");
    }
    // XGBoost's ProbToMargin for the logistic objectives, in float as XGBoost stores it.
    float baseMargin = (float) -Math.log(1.0 / baseScore - 1.0);

    JsonNode trees = required(required(booster, "model"), "trees");
    List<JsonNode> list = new ArrayList<>();
    trees.forEach(list::add);
    int total = 0;
    for (JsonNode tree : list) {
      total += required(tree, "left_children").size();
    }
    int[] roots = new int[list.size()];
    int[] depths = new int[list.size()];
    int[] left = new int[total];
    int[] right = new int[total];
    int[] feature = new int[total];
    float[] split = new float[total];
    boolean[] defaultLeft = new boolean[total];
    double[] cover = new double[total];
    double[] gain = new double[total];
    int offset = 0;
    for (int t = 0; t < list.size(); t++) {
      JsonNode tree = list.get(t);
      if (tree.path("categories_nodes").size() > 0) {
        throw new ModelException("tree " + t + " has categorical splits, which are not supported");
      }
      JsonNode l = required(tree, "left_children");
      JsonNode r = required(tree, "right_children");
      JsonNode f = required(tree, "split_indices");
      JsonNode s = required(tree, "split_conditions");
      JsonNode d = required(tree, "default_left");
      JsonNode h = required(tree, "sum_hessian");
      JsonNode g = required(tree, "loss_changes");
      int n = l.size();
      roots[t] = offset;
      for (int i = 0; i < n; i++) {
        int k = offset + i;
        int li = l.get(i).asInt();
        left[k] = li < 0 ? -1 : offset + li;
        right[k] = li < 0 ? -1 : offset + r.get(i).asInt();
        feature[k] = f.get(i).asInt();
        if (li >= 0 && (feature[k] < 0 || feature[k] >= featureCount)) {
          throw new ModelException(
              "tree "
                  + t
                  + " node "
                  + i
                  + " splits on feature "
                  + feature[k]
                  + " of "
                  + featureCount);
        }
        // A leaf keeps its value in split_conditions.
        split[k] = Float.parseFloat(s.get(i).asText());
        defaultLeft[k] = d.get(i).asInt() != 0;
        cover[k] = h.get(i).asDouble();
        gain[k] = li < 0 ? 0 : g.get(i).asDouble();
      }
      depths[t] = depth(left, right, offset);
      offset += n;
    }
    return new TreeEnsemble(
        featureCount,
        baseMargin,
        roots,
        depths,
        left,
        right,
        feature,
        split,
        defaultLeft,
        cover,
        gain);
  }

  private static int depth(int[] left, int[] right, int node) {
    return left[node] < 0
        ? 0
        : 1 + Math.max(depth(left, right, left[node]), depth(left, right, right[node]));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ModelException("the XGBoost model has no '" + field + "'");
    }
    return value;
  }

  /** How many values a row must have. */
  public int featureCount() {
    return featureCount;
  }

  public int treeCount() {
    return roots.length;
  }

  /** The margin before any tree (the logit of XGBoost's base score). */
  public double baseMargin() {
    return baseMargin;
  }

  /** The log-odds: base margin plus every tree's leaf for {@code x}. */
  public double margin(double[] x) {
    checkRow(x);
    float sum = baseMargin;
    for (int root : roots) {
      sum += split[leaf(root, x)];
    }
    return sum;
  }

  /** The probability of the positive class. */
  public double predict(double[] x) {
    return sigmoid(margin(x));
  }

  /** The logistic function. */
  public static double sigmoid(double margin) {
    return 1.0 / (1.0 + Math.exp(-margin));
  }

  /** Total gain of the splits on each feature (XGBoost's "total_gain" importance). */
  public double[] totalGain() {
    double[] total = new double[featureCount];
    for (int k = 0; k < left.length; k++) {
      if (left[k] >= 0) {
        total[feature[k]] += gain[k];
      }
    }
    return total;
  }

  void checkRow(double[] x) {
    if (x.length != featureCount) {
      throw new IllegalArgumentException(
          "the row has " + x.length + " values; the model has " + featureCount + " features");
    }
  }

  int leaf(int node, double[] x) {
    while (left[node] >= 0) {
      node = next(node, x);
    }
    return node;
  }

  /** The child {@code x} goes to. */
  int next(int node, double[] x) {
    float v = (float) x[feature[node]];
    if (Float.isNaN(v)) {
      return defaultLeft[node] ? left[node] : right[node];
    }
    return v < split[node] ? left[node] : right[node];
  }

  int[] roots() {
    return roots;
  }

  int depth(int tree) {
    return depths[tree];
  }

  boolean isLeaf(int node) {
    return left[node] < 0;
  }

  int left(int node) {
    return left[node];
  }

  int right(int node) {
    return right[node];
  }

  int feature(int node) {
    return feature[node];
  }

  /** Whether a missing value goes left at {@code node}. */
  boolean defaultLeft(int node) {
    return defaultLeft[node];
  }

  float leafValue(int node) {
    return split[node];
  }

  double cover(int node) {
    return cover[node];
  }
}

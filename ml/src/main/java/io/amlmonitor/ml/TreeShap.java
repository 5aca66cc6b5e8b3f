package io.amlmonitor.ml;

/**
 * Exact SHAP values of a {@link TreeEnsemble}'s margin by path-dependent TreeSHAP (Lundberg, Erion
 * and Lee, "Consistent individualized feature attribution for tree ensembles", 2018, Algorithm 2),
 * the algorithm behind XGBoost's {@code predictContrib}: features absent from a coalition follow
 * both children in proportion to the training cover.
 *
 * <p>The result has one value per feature plus, last, the bias: the base margin plus each tree's
 * cover-weighted mean leaf. They sum to {@link TreeEnsemble#margin}. Cost per row is O(trees ×
 * leaves × depth²). An instance is not thread-safe (it reuses its path buffers); make one per
 * thread.
 *
 * <p>Implementation note: as in the reference implementation, each recursion level works on its own
 * copy of the path, laid out one after another in flat arrays; a level starts right after its
 * parent's, so the buffers need (depth + 2)(depth + 3)/2 elements.
 */
public final class TreeShap {
  private final TreeEnsemble model;
  private final double[] treeMeans;
  private final double bias;
  private final int[] pathFeature;
  private final double[] pathZero;
  private final double[] pathOne;
  private final double[] pathWeight;
  private final double[] inverse;
  private double[] phi;
  private double[] x;

  public TreeShap(TreeEnsemble model) {
    this.model = model;
    int[] roots = model.roots();
    treeMeans = new double[roots.length];
    double sum = model.baseMargin();
    int maxDepth = 0;
    for (int t = 0; t < roots.length; t++) {
      treeMeans[t] = meanValue(roots[t]);
      sum += treeMeans[t];
      maxDepth = Math.max(maxDepth, model.depth(t));
    }
    bias = sum;
    int size = (maxDepth + 2) * (maxDepth + 3) / 2;
    pathFeature = new int[size];
    pathZero = new double[size];
    pathOne = new double[size];
    pathWeight = new double[size];
    // Reciprocals of 1..depth+2: the recurrences divide by small integers in their inner loops.
    inverse = new double[maxDepth + 3];
    for (int k = 1; k < inverse.length; k++) {
      inverse[k] = 1.0 / k;
    }
  }

  /** The expected margin over the training data as the trees saw it: the SHAP bias term. */
  public double bias() {
    return bias;
  }

  /**
   * The contribution of each feature to the margin of {@code row}, then the bias.
   *
   * @return {@code featureCount + 1} values summing to the margin
   */
  public double[] contributions(double[] row) {
    model.checkRow(row);
    double[] out = new double[model.featureCount() + 1];
    this.phi = out;
    this.x = row;
    int[] roots = model.roots();
    for (int root : roots) {
      if (!model.isLeaf(root)) {
        recurse(root, 0, 0, 1, 1, -1);
      }
    }
    out[out.length - 1] = bias;
    this.phi = null;
    this.x = null;
    return out;
  }

  private double meanValue(int node) {
    if (model.isLeaf(node)) {
      return model.leafValue(node);
    }
    int l = model.left(node);
    int r = model.right(node);
    return (meanValue(l) * model.cover(l) + meanValue(r) * model.cover(r)) / model.cover(node);
  }

  /**
   * Walks the subtree at {@code node}, whose parent's path (of {@code depth} elements) begins at
   * {@code parentStart}, adding the feature that led here with its zero and one fractions.
   */
  private void recurse(
      int node, int parentStart, int depth, double zeroFraction, double oneFraction, int feature) {
    // This level's path starts right after the parent's (which has depth elements, plus one).
    int start = parentStart + depth;
    if (depth > 0) {
      System.arraycopy(pathFeature, parentStart, pathFeature, start, depth);
      System.arraycopy(pathZero, parentStart, pathZero, start, depth);
      System.arraycopy(pathOne, parentStart, pathOne, start, depth);
      System.arraycopy(pathWeight, parentStart, pathWeight, start, depth);
    }
    extend(start, depth, zeroFraction, oneFraction, feature);

    if (model.isLeaf(node)) {
      double value = model.leafValue(node);
      for (int i = 1; i <= depth; i++) {
        double w = unwoundSum(start, depth, i);
        phi[pathFeature[start + i]] += w * (pathOne[start + i] - pathZero[start + i]) * value;
      }
      return;
    }
    int hot = model.next(node, x);
    int cold = hot == model.left(node) ? model.right(node) : model.left(node);
    double cover = model.cover(node);
    double hotZero = model.cover(hot) / cover;
    double coldZero = model.cover(cold) / cover;
    double incomingZero = 1;
    double incomingOne = 1;
    int split = model.feature(node);
    // A feature split on again higher up: undo that split so this node redoes it.
    int k = 0;
    while (k <= depth && pathFeature[start + k] != split) {
      k++;
    }
    if (k <= depth) {
      incomingZero = pathZero[start + k];
      incomingOne = pathOne[start + k];
      unwind(start, depth, k);
      depth--;
    }
    recurse(hot, start, depth + 1, hotZero * incomingZero, incomingOne, split);
    recurse(cold, start, depth + 1, coldZero * incomingZero, 0, split);
  }

  private void extend(int start, int depth, double zero, double one, int feature) {
    pathFeature[start + depth] = feature;
    pathZero[start + depth] = zero;
    pathOne[start + depth] = one;
    pathWeight[start + depth] = depth == 0 ? 1 : 0;
    double share = inverse[depth + 1];
    for (int i = depth - 1; i >= 0; i--) {
      pathWeight[start + i + 1] += one * pathWeight[start + i] * (i + 1) * share;
      pathWeight[start + i] = zero * pathWeight[start + i] * (depth - i) * share;
    }
  }

  private void unwind(int start, int depth, int index) {
    double one = pathOne[start + index];
    double zero = pathZero[start + index];
    double next = pathWeight[start + depth];
    double share = inverse[depth + 1];
    for (int i = depth - 1; i >= 0; i--) {
      if (one != 0) {
        double tmp = pathWeight[start + i];
        pathWeight[start + i] = next * (depth + 1) * inverse[i + 1] / one;
        next = tmp - pathWeight[start + i] * zero * (depth - i) * share;
      } else {
        pathWeight[start + i] = pathWeight[start + i] * (depth + 1) * inverse[depth - i] / zero;
      }
    }
    for (int i = index; i < depth; i++) {
      pathFeature[start + i] = pathFeature[start + i + 1];
      pathZero[start + i] = pathZero[start + i + 1];
      pathOne[start + i] = pathOne[start + i + 1];
    }
  }

  private double unwoundSum(int start, int depth, int index) {
    double one = pathOne[start + index];
    double zero = pathZero[start + index];
    double next = pathWeight[start + depth];
    double total = 0;
    if (one != 0) {
      double scale = (depth + 1) / one;
      double back = zero * inverse[depth + 1];
      for (int i = depth - 1; i >= 0; i--) {
        double tmp = next * scale * inverse[i + 1];
        total += tmp;
        next = pathWeight[start + i] - tmp * back * (depth - i);
      }
    } else if (zero != 0) {
      double scale = (depth + 1) / zero;
      for (int i = depth - 1; i >= 0; i--) {
        total += pathWeight[start + i] * scale * inverse[depth - i];
      }
    }
    return total;
  }
}

package io.amlmonitor.ml;

import java.util.Arrays;

/**
 * TreeSHAP by table: the same values as {@link TreeShap} (path-dependent SHAP), at a fraction of
 * its cost per row, for models small enough to tabulate. Thread-safe and immutable.
 *
 * <p>For one leaf whose path splits on the distinct features F (d of them), a feature's SHAP value
 * depends on the row only through which features of F the row "follows" (goes the path's way at
 * every split on it): a subset T of F. So each leaf stores, for each of the 2^d subsets, the d
 * values, computed once from the covers; a row then walks every node of a tree once, tracking T as
 * a bit mask, and at each leaf adds d numbers from the table. This is Yang's "Fast TreeSHAP v2"
 * (2021) in its simplest form: O(nodes + leaves·d) per tree and row instead of O(leaves·d²).
 *
 * <p>Implementation note: the table holds Σ over leaves of 2^d·d floats, so it is built only when
 * that stays under a budget ({@link #build} returns null otherwise and the caller falls back to
 * {@link TreeShap}): at most 1.6 MB for 400 full trees of depth 4, 20 MB for 200 of depth 6. Nodes
 * whose two children are leaves get a table of their own (as large again) that sums the two, so a
 * row reads one entry for both; those are left out when they would pass the budget. Nodes are swept
 * in index order, parents before children as XGBoost writes them, so a row needs no stack. Floats
 * keep the tables small; the values agree with {@link TreeShap}'s doubles within 1e-5.
 */
public final class ShapTable {
  private static final int NO_PAIR = Integer.MIN_VALUE;
  private static final byte SKIP = 0;
  private static final byte INTERNAL = 1;
  private static final byte PAIR = 2;
  private static final byte LEAF = 3;

  /** Floats a table may hold by default: 32 MB. */
  public static final long DEFAULT_BUDGET = 8L << 20;

  private final TreeEnsemble model;
  private final double bias;
  private final int[] bit;
  private final int[] tableOffset;
  private final int[] featureOffset;
  private final byte[] width;
  private final int[] pathFeatures;
  private final float[] table;
  private final int[] pairOffset;
  private final float[] pairTable;
  private final int maxDepth;
  private final byte[] kind;
  private final int maxTreeSize;

  private ShapTable(
      TreeEnsemble model,
      double bias,
      int[] bit,
      int[] tableOffset,
      int[] featureOffset,
      byte[] width,
      int[] pathFeatures,
      float[] table,
      int[] pairOffset,
      float[] pairTable,
      int maxDepth,
      byte[] kind,
      int maxTreeSize) {
    this.model = model;
    this.bias = bias;
    this.bit = bit;
    this.tableOffset = tableOffset;
    this.featureOffset = featureOffset;
    this.width = width;
    this.pathFeatures = pathFeatures;
    this.table = table;
    this.pairOffset = pairOffset;
    this.pairTable = pairTable;
    this.maxDepth = maxDepth;
    this.kind = kind;
    this.maxTreeSize = maxTreeSize;
  }

  /**
   * Tabulates {@code model}, or returns null when the table would hold more than {@code budget}
   * floats (deep trees: 2^depth entries per leaf).
   */
  public static ShapTable build(TreeEnsemble model, long budget) {
    return new Builder(model).build(budget);
  }

  /** How many nodes read their two leaves in one look-up. */
  int pairCount() {
    int n = 0;
    for (int offset : pairOffset) {
      n += offset != NO_PAIR ? 1 : 0;
    }
    return n;
  }

  /** The expected margin: the SHAP bias term. */
  public double bias() {
    return bias;
  }

  /**
   * The contribution of each feature to the margin of {@code row}, then the bias, as {@link
   * TreeShap#contributions}.
   */
  public double[] contributions(double[] row) {
    model.checkRow(row);
    return kind != null ? sweep(row) : walk(row);
  }

  /**
   * Nodes in index order, which XGBoost keeps parents-before-children: each node's "missed" mask is
   * set by its parent before the node is reached, so there is no stack and the only branches follow
   * the tree's fixed shape, which the processor predicts well.
   */
  private double[] sweep(double[] row) {
    double[] phi = new double[model.featureCount() + 1];
    int[] missed = new int[maxTreeSize];
    int[] roots = model.roots();
    for (int t = 0; t < roots.length; t++) {
      int start = roots[t];
      int end = t + 1 < roots.length ? roots[t + 1] : kind.length;
      missed[0] = 0;
      for (int node = start; node < end; node++) {
        byte k = kind[node];
        if (k == SKIP) {
          continue;
        }
        int m = missed[node - start];
        if (k == LEAF) {
          add(phi, table, tableOffset[node], width[node], featureOffset[node], m, 0, 1);
          continue;
        }
        int left = model.left(node);
        int side = model.next(node, row) == left ? 0 : 1;
        if (k == PAIR) {
          add(phi, pairTable, pairOffset[node], width[node], featureOffset[node], m, side, 2);
          continue;
        }
        int b = 1 << bit[node];
        missed[left - start] = side == 0 ? m : m | b;
        missed[model.right(node) - start] = side == 0 ? m | b : m;
      }
    }
    phi[phi.length - 1] = bias;
    return phi;
  }

  /** Adds the d values of one table row: the followed set's, and the side's for a pair. */
  private void add(
      double[] phi,
      float[] values,
      int offset,
      int d,
      int features,
      int missed,
      int side,
      int sides) {
    int followed = ~missed & ((1 << d) - 1);
    int base = offset + (followed * sides + side) * d;
    for (int k = 0; k < d; k++) {
      phi[pathFeatures[features + k]] += values[base + k];
    }
  }

  /** Whether rows are explained by the stack-free sweep (parents come before children). */
  boolean sweeps() {
    return kind != null;
  }

  /** Depth first with a stack, for a model whose nodes are not parents-before-children. */
  double[] walk(double[] row) {
    double[] phi = new double[model.featureCount() + 1];
    int[] nodes = new int[maxDepth + 2];
    int[] masks = new int[maxDepth + 2];
    for (int root : model.roots()) {
      if (model.isLeaf(root)) {
        continue;
      }
      int sp = 0;
      nodes[sp] = root;
      masks[sp++] = 0;
      while (sp > 0) {
        int node = nodes[--sp];
        int missed = masks[sp];
        if (model.isLeaf(node)) {
          int d = width[node];
          int followed = ~missed & ((1 << d) - 1);
          int base = tableOffset[node] + followed * d;
          int features = featureOffset[node];
          for (int k = 0; k < d; k++) {
            phi[pathFeatures[features + k]] += table[base + k];
          }
          continue;
        }
        int hot = model.next(node, row);
        int pair = pairOffset[node];
        if (pair != NO_PAIR) {
          // Two sibling leaves in one look-up: indexed by the followed features and the side taken.
          int d = width[node];
          int followed = ~missed & ((1 << d) - 1);
          int side = hot == model.left(node) ? 0 : 1;
          int base = pair + ((followed << 1) | side) * d;
          int features = featureOffset[node];
          for (int k = 0; k < d; k++) {
            phi[pathFeatures[features + k]] += pairTable[base + k];
          }
          continue;
        }
        int cold = hot == model.left(node) ? model.right(node) : model.left(node);
        nodes[sp] = cold;
        masks[sp++] = missed | (1 << bit[node]);
        nodes[sp] = hot;
        masks[sp++] = missed;
      }
    }
    phi[phi.length - 1] = bias;
    return phi;
  }

  /** Walks every tree once to lay out and fill the tables. */
  private static final class Builder {
    private final TreeEnsemble model;
    private final int[] bit;
    private final int[] tableOffset;
    private final int[] featureOffset;
    private final byte[] width;
    private int[] pathFeatures = new int[1024];
    private int featureCursor;
    private float[] table = new float[1024];
    private int tableCursor;
    private int maxDepth;

    Builder(TreeEnsemble model) {
      this.model = model;
      int n = 0;
      for (int root : model.roots()) {
        n = Math.max(n, lastNode(root) + 1);
      }
      bit = new int[n];
      tableOffset = new int[n];
      featureOffset = new int[n];
      width = new byte[n];
    }

    private int lastNode(int node) {
      int last = node;
      if (!model.isLeaf(node)) {
        last = Math.max(last, Math.max(lastNode(model.left(node)), lastNode(model.right(node))));
      }
      return last;
    }

    ShapTable build(long budget) {
      long needed = 0;
      for (int t = 0; t < model.roots().length; t++) {
        maxDepth = Math.max(maxDepth, model.depth(t));
        needed += size(model.roots()[t], new int[model.depth(t) + 1], 0);
        if (needed > budget || needed > Integer.MAX_VALUE - 8) {
          return null;
        }
      }
      table = new float[(int) needed];
      for (int root : model.roots()) {
        if (!model.isLeaf(root)) {
          fill(root, new int[maxDepth + 1], new double[maxDepth + 1], 0);
        }
      }
      int[] pairOffset = new int[bit.length];
      float[] pairTable = pairs(pairOffset, budget - needed);
      byte[] kind = kinds(pairOffset);
      double bias = new TreeShap(model).bias();
      int[] features = Arrays.copyOf(pathFeatures, featureCursor);
      return new ShapTable(
          model,
          bias,
          bit,
          tableOffset,
          featureOffset,
          width,
          features,
          table,
          pairOffset,
          pairTable,
          maxDepth,
          kind,
          maxTreeSize());
    }

    /**
     * What the sweep does at each node, or null when some child comes before its parent (the sweep
     * needs parents first; XGBoost writes them so).
     */
    private byte[] kinds(int[] pairOffset) {
      byte[] kind = new byte[bit.length];
      for (int root : model.roots()) {
        if (!mark(root, kind, pairOffset)) {
          return null;
        }
      }
      return kind;
    }

    private boolean mark(int node, byte[] kind, int[] pairOffset) {
      if (model.isLeaf(node)) {
        kind[node] = LEAF;
        return true;
      }
      int l = model.left(node);
      int r = model.right(node);
      if (l <= node || r <= node) {
        return false;
      }
      if (pairOffset[node] != NO_PAIR) {
        kind[node] = PAIR;
        return true;
      }
      kind[node] = INTERNAL;
      return mark(l, kind, pairOffset) && mark(r, kind, pairOffset);
    }

    private int maxTreeSize() {
      int[] roots = model.roots();
      int max = 1;
      for (int t = 0; t < roots.length; t++) {
        int end = t + 1 < roots.length ? roots[t + 1] : bit.length;
        max = Math.max(max, end - roots[t]);
      }
      return max;
    }

    /**
     * Tables for the nodes whose children are both leaves (half the leaves of a full tree): the two
     * leaves' values summed for each followed set and side taken, so a row reads one entry instead
     * of two. Within {@code budget}; {@code offset[node]} is -1 for nodes without one.
     */
    private float[] pairs(int[] offset, long budget) {
      Arrays.fill(offset, NO_PAIR);
      long size = 0;
      for (int node = 0; node < bit.length; node++) {
        if (isPair(node)) {
          size += (2L << width[model.left(node)]) * width[model.left(node)];
        }
      }
      if (size > budget || size > Integer.MAX_VALUE - 8) {
        return new float[0];
      }
      float[] pairs = new float[(int) size];
      int cursor = 0;
      for (int node = 0; node < bit.length; node++) {
        if (!isPair(node)) {
          continue;
        }
        int l = model.left(node);
        int r = model.right(node);
        int d = width[l];
        width[node] = (byte) d;
        featureOffset[node] = featureOffset[l];
        offset[node] = cursor;
        int own = 1 << bit[node];
        for (int followed = 0; followed < (1 << d); followed++) {
          for (int side = 0; side < 2; side++) {
            int fl = side == 0 ? followed : followed & ~own;
            int fr = side == 1 ? followed : followed & ~own;
            int base = cursor + ((followed << 1) | side) * d;
            for (int k = 0; k < d; k++) {
              pairs[base + k] =
                  table[tableOffset[l] + fl * d + k] + table[tableOffset[r] + fr * d + k];
            }
          }
        }
        cursor += (2 << d) * d;
      }
      return pairs;
    }

    private boolean isPair(int node) {
      return !model.isLeaf(node)
          && model.isLeaf(model.left(node))
          && model.isLeaf(model.right(node));
    }

    /** Table entries under {@code node} given the distinct features above it. */
    private long size(int node, int[] features, int d) {
      if (model.isLeaf(node)) {
        return (1L << d) * d;
      }
      int f = model.feature(node);
      int k = indexOf(features, d, f);
      int below = k < 0 ? d + 1 : d;
      if (k < 0) {
        features[d] = f;
      }
      return size(model.left(node), features, below) + size(model.right(node), features, below);
    }

    private static int indexOf(int[] features, int d, int f) {
      for (int k = 0; k < d; k++) {
        if (features[k] == f) {
          return k;
        }
      }
      return -1;
    }

    /**
     * Fills the leaves under {@code node}: {@code features[0..d)} are the distinct features split
     * on above it and {@code zero[k]} the share of training cover that follows the path at every
     * split on feature k.
     */
    private void fill(int node, int[] features, double[] zero, int d) {
      if (model.isLeaf(node)) {
        leaf(node, features, zero, d);
        return;
      }
      int f = model.feature(node);
      int k = indexOf(features, d, f);
      int below = d;
      if (k < 0) {
        k = d;
        features[d] = f;
        zero[d] = 1;
        below = d + 1;
      }
      bit[node] = k;
      double before = zero[k];
      for (int child : new int[] {model.left(node), model.right(node)}) {
        zero[k] = before * model.cover(child) / model.cover(node);
        // The child's subtree appends its own features at below and after, never before.
        fill(child, features, zero, below);
      }
      zero[k] = before;
    }

    private void leaf(int node, int[] features, double[] zero, int d) {
      width[node] = (byte) d;
      featureOffset[node] = featureCursor;
      if (pathFeatures.length < featureCursor + d) {
        pathFeatures = Arrays.copyOf(pathFeatures, 2 * (featureCursor + d));
      }
      System.arraycopy(features, 0, pathFeatures, featureCursor, d);
      featureCursor += d;
      tableOffset[node] = tableCursor;
      double value = model.leafValue(node);
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
          table[tableCursor + followed * d + k] = (float) (value * (one - zero[k]) * sum);
        }
      }
      tableCursor += (1 << d) * d;
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
}

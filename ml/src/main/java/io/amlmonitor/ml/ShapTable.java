package io.amlmonitor.ml;

/**
 * TreeSHAP by table: the same values as {@link TreeShap} (path-dependent SHAP), at a fraction of
 * its cost per row, for models small enough to tabulate. Thread-safe and immutable.
 *
 * <p>For one leaf whose path splits on the distinct features F, a feature's SHAP value depends on
 * the row only through which features of F the row "follows" (goes the path's way at every split on
 * it), so it can be tabulated ({@link LeafShap}; Yang's "Fast TreeSHAP v2", 2021). This class
 * tabulates whole subtrees instead of single leaves: each tree is cut into <em>blocks</em>, the
 * lowest subtrees of height at most h, and a block's table is indexed by the features the row
 * missed above the block and by the side the row takes at each of the block's splits, and holds the
 * sum of all the block's leaves' values for every feature split on above or in the block. A row
 * evaluates every split once: those above the blocks pass the "missed" masks down, those in a block
 * make its index; then it adds one table row per block.
 *
 * <p>Implementation note: this is the model's hot path for explanations (docs/benchmarks.md, "Model
 * on the live path"). With h = 3, a tree of depth 4 is one split passing masks down, then two
 * blocks of 7 splits and one look-up of at most 8 floats each, against 15 nodes visited and 8
 * look-ups of 4 floats with a table per pair of sibling leaves; the arrays other than the tables
 * are read in order. Splits compare ints ({@link #orderKey}) without a branch, as the side a row
 * takes is as good as random: that alone took the sweep from 45 to 24 µs at the median (one run
 * each, load 11). Together these took {@code scoreAndExplain} (400 trees of depth 4) from about 100
 * to about 35 µs at the median. h is the largest up to {@value #MAX_BLOCK_HEIGHT} whose tables fit
 * the budget (h = 3 holds 4 times the floats of one table per leaf for full trees, h = 1 half as
 * many); {@link #build} returns null when none fits, and the caller falls back to {@link TreeShap}.
 * The tables are floats, summed in double from the leaves' doubles: the values agree with {@link
 * TreeShap} within 1e-5.
 */
public final class ShapTable {
  /** Floats the tables may hold by default: 32 MB. */
  public static final long DEFAULT_BUDGET = 8L << 20;

  /** The tallest subtree tabulated as one block. */
  static final int MAX_BLOCK_HEIGHT = 3;

  private final TreeEnsemble model;
  private final double bias;
  private final int blockHeight;
  private final Splits above;
  private final int[] bit;
  private final int[] leftSlot;
  private final int[] rightSlot;
  private final Blocks blocks;

  /**
   * Split nodes in sweep order: the key each reads ({@link #keys}: {@code 2·feature}, or {@code
   * 2·feature + 1} when a missing input goes right) and the {@link #orderKey} of its threshold.
   */
  record Splits(int[] key, int[] threshold) {}

  /**
   * The blocks: block k's splits are {@code nodes[firstNode[k]..firstNode[k+1])} in preorder, its
   * features {@code features[firstFeature[k]..firstFeature[k+1])} (d of them), and its table row
   * for index i is {@code values[firstValue[k] + i·d ..][..d]}.
   */
  record Blocks(
      int[] firstNode,
      int[] firstFeature,
      int[] firstValue,
      Splits nodes,
      int[] features,
      float[] values) {
    int count() {
      return firstNode.length - 1;
    }
  }

  /**
   * @param above the splits above the blocks, parents first; split s reads its missed mask from
   *     slot {@code blocks.count() + s}, sets {@code bit[s]} in the mask of the side not taken and
   *     writes its children's masks to {@code leftSlot[s]} and {@code rightSlot[s]} (block k's is
   *     slot k)
   */
  ShapTable(
      TreeEnsemble model,
      double bias,
      int blockHeight,
      Splits above,
      int[] bit,
      int[] leftSlot,
      int[] rightSlot,
      Blocks blocks) {
    this.model = model;
    this.bias = bias;
    this.blockHeight = blockHeight;
    this.above = above;
    this.bit = bit;
    this.leftSlot = leftSlot;
    this.rightSlot = rightSlot;
    this.blocks = blocks;
  }

  /**
   * Tabulates {@code model}, or returns null when even one table per leaf would hold more than
   * {@code budget} floats (deep trees: 2^depth entries per leaf).
   */
  public static ShapTable build(TreeEnsemble model, long budget) {
    return build(model, budget, MAX_BLOCK_HEIGHT);
  }

  /** As {@link #build(TreeEnsemble, long)}, with blocks no taller than {@code maxHeight}. */
  static ShapTable build(TreeEnsemble model, long budget, int maxHeight) {
    for (int h = maxHeight; h >= 0; h--) {
      ShapTable table = new ShapTableBuilder(model, h).build(budget);
      if (table != null) {
        return table;
      }
    }
    return null;
  }

  /** The expected margin: the SHAP bias term. */
  public double bias() {
    return bias;
  }

  /** The height of the tabulated subtrees: 0 when each leaf has a table of its own. */
  int blockHeight() {
    return blockHeight;
  }

  /** How many floats the tables hold. */
  int floats() {
    return blocks.values().length;
  }

  /**
   * The contribution of each feature to the margin of {@code row}, then the bias, as {@link
   * TreeShap#contributions}.
   */
  public double[] contributions(double[] row) {
    model.checkRow(row);
    int[] keys = keys(row);
    int[] missed = new int[blocks.count() + bit.length];
    passMasks(keys, missed);
    double[] phi = new double[row.length + 1];
    addBlocks(keys, missed, phi);
    phi[row.length] = bias;
    return phi;
  }

  /** The splits above the blocks, parents first: each passes its missed mask to its children. */
  private void passMasks(int[] keys, int[] missed) {
    int[] key = above.key();
    int[] threshold = above.threshold();
    int first = blocks.count();
    for (int s = 0; s < key.length; s++) {
      int m = missed[first + s];
      int right = right(keys[key[s]], threshold[s]);
      missed[leftSlot[s]] = m | (bit[s] & -right);
      missed[rightSlot[s]] = m | (bit[s] & (right - 1));
    }
  }

  /** Each block's table row, indexed by the mask missed above it and the sides taken in it. */
  private void addBlocks(int[] keys, int[] missed, double[] phi) {
    int[] firstNode = blocks.firstNode();
    int[] firstFeature = blocks.firstFeature();
    int[] firstValue = blocks.firstValue();
    int[] key = blocks.nodes().key();
    int[] threshold = blocks.nodes().threshold();
    int[] features = blocks.features();
    float[] values = blocks.values();
    int count = blocks.count();
    for (int k = 0; k < count; k++) {
      int index = missed[k];
      for (int n = firstNode[k]; n < firstNode[k + 1]; n++) {
        index = index << 1 | right(keys[key[n]], threshold[n]);
      }
      int f = firstFeature[k];
      int d = firstFeature[k + 1] - f;
      int base = firstValue[k] + index * d;
      for (int j = 0; j < d; j++) {
        phi[features[f + j]] += values[base + j];
      }
    }
  }

  /**
   * Each input as an {@link #orderKey} twice: at {@code 2i} with NaN below every threshold (for
   * splits that send a missing value left), at {@code 2i + 1} with NaN above every threshold.
   */
  private static int[] keys(double[] row) {
    int[] keys = new int[2 * row.length];
    for (int i = 0; i < row.length; i++) {
      float v = (float) row[i];
      boolean nan = v != v;
      keys[2 * i] = nan ? Integer.MIN_VALUE : orderKey(v);
      keys[2 * i + 1] = nan ? Integer.MAX_VALUE : orderKey(v);
    }
    return keys;
  }

  /**
   * An int that orders as the float does, -0 as 0 ({@code a < b} exactly when {@code orderKey(a) <
   * orderKey(b)}), between {@link Integer#MIN_VALUE} and {@link Integer#MAX_VALUE} exclusive.
   */
  static int orderKey(float v) {
    int bits = Float.floatToRawIntBits(v + 0.0f);
    return bits ^ ((bits >> 31) & Integer.MAX_VALUE);
  }

  /**
   * 1 when the split sends the input right (not below the threshold, as {@link TreeEnsemble#next}),
   * else 0; without a branch, as the side is as good as random and a mispredicted branch per split
   * cost more than the rest of the split.
   */
  private static int right(int key, int threshold) {
    return (int) ((threshold - 1L - key) >>> 63);
  }
}

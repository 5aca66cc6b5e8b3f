package io.amlmonitor.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts each tree of a model into blocks of height at most h and fills the blocks' tables for {@link
 * ShapTable}: the splits above the blocks in preorder (parents first), each block's splits in
 * preorder, and for every index a block can take, the sum of its leaves' {@link LeafShap} values.
 */
final class ShapTableBuilder {
  private final TreeEnsemble model;
  private final int height;
  private final int[] heights;
  private final List<Above> above = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();

  /** A split above the blocks; its children are references: a block k as k, a split s as -1-s. */
  private record Above(int node, int bit, int left, int right) {}

  /** A block's root and the distinct features split on above it, with their zero fractions. */
  private record Block(int root, int[] features, double[] zero) {}

  ShapTableBuilder(TreeEnsemble model, int height) {
    this.model = model;
    this.height = height;
    int nodes = 0;
    for (int root : model.roots()) {
      nodes = Math.max(nodes, lastNode(root) + 1);
    }
    heights = new int[nodes];
    for (int root : model.roots()) {
      measure(root);
    }
  }

  private int lastNode(int node) {
    return model.isLeaf(node)
        ? node
        : Math.max(node, Math.max(lastNode(model.left(node)), lastNode(model.right(node))));
  }

  private int measure(int node) {
    if (!model.isLeaf(node)) {
      heights[node] = 1 + Math.max(measure(model.left(node)), measure(model.right(node)));
    }
    return heights[node];
  }

  /** The table, or null when its blocks would hold more than {@code budget} floats. */
  ShapTable build(long budget) {
    int depth = 0;
    for (int t = 0; t < model.treeCount(); t++) {
      depth = Math.max(depth, model.depth(t));
    }
    for (int root : model.roots()) {
      visit(root, new int[depth + 1], new double[depth + 1], 0);
    }
    List<int[]> unions = new ArrayList<>();
    long size = 0;
    for (Block b : blocks) {
      List<Integer> nodes = splits(b.root(), new ArrayList<>());
      int[] union = union(b, nodes);
      unions.add(union);
      int bits = b.features().length + nodes.size();
      size += bits > 30 ? Long.MAX_VALUE / 2 : (1L << bits) * union.length;
      if (size > budget || size > Integer.MAX_VALUE - 8) {
        return null;
      }
    }
    return new ShapTable(
        model,
        new TreeShap(model).bias(),
        height,
        aboveSplits(),
        above.stream().mapToInt(Above::bit).toArray(),
        above.stream().mapToInt(a -> slot(a.left())).toArray(),
        above.stream().mapToInt(a -> slot(a.right())).toArray(),
        blockTables(unions, (int) size));
  }

  /**
   * Walks down to the blocks, as {@link LeafShap} needs: {@code features[0..d)} are the distinct
   * features split on above {@code node}, {@code zero[k]} the share of training cover that follows
   * the path at every split on feature k. Returns the node's reference.
   */
  private int visit(int node, int[] features, double[] zero, int d) {
    if (heights[node] <= height) {
      blocks.add(new Block(node, Arrays.copyOf(features, d), Arrays.copyOf(zero, d)));
      return blocks.size() - 1;
    }
    int s = above.size();
    above.add(null);
    int f = model.feature(node);
    int k = indexOf(features, d, f);
    int below = d;
    if (k < 0) {
      k = d;
      features[d] = f;
      zero[d] = 1;
      below = d + 1;
    }
    double before = zero[k];
    zero[k] = before * model.cover(model.left(node)) / model.cover(node);
    // The child's subtree writes its own features at below and after, never before.
    int left = visit(model.left(node), features, zero, below);
    zero[k] = before * model.cover(model.right(node)) / model.cover(node);
    int right = visit(model.right(node), features, zero, below);
    zero[k] = before;
    above.set(s, new Above(node, 1 << k, left, right));
    return -1 - s;
  }

  private int slot(int reference) {
    return reference >= 0 ? reference : blocks.size() + (-1 - reference);
  }

  private ShapTable.Splits aboveSplits() {
    return splitsOf(above.stream().map(Above::node).toList());
  }

  private ShapTable.Splits splitsOf(List<Integer> nodes) {
    int[] key = new int[nodes.size()];
    int[] threshold = new int[nodes.size()];
    for (int i = 0; i < key.length; i++) {
      int node = nodes.get(i);
      key[i] = 2 * model.feature(node) + (model.defaultLeft(node) ? 0 : 1);
      threshold[i] = ShapTable.orderKey(model.leafValue(node));
    }
    return new ShapTable.Splits(key, threshold);
  }

  /** The splits under {@code node} in preorder. */
  private List<Integer> splits(int node, List<Integer> out) {
    if (!model.isLeaf(node)) {
      out.add(node);
      splits(model.left(node), out);
      splits(model.right(node), out);
    }
    return out;
  }

  /** The block's features: those split on above it, then those first split on in it. */
  private int[] union(Block b, List<Integer> nodes) {
    int[] union = Arrays.copyOf(b.features(), b.features().length + nodes.size());
    int d = b.features().length;
    for (int node : nodes) {
      if (indexOf(union, d, model.feature(node)) < 0) {
        union[d++] = model.feature(node);
      }
    }
    return Arrays.copyOf(union, d);
  }

  private ShapTable.Blocks blockTables(List<int[]> unions, int size) {
    int count = blocks.size();
    int[] firstNode = new int[count + 1];
    int[] firstFeature = new int[count + 1];
    int[] firstValue = new int[count + 1];
    List<Integer> nodes = new ArrayList<>();
    int[] features = unions.stream().flatMapToInt(Arrays::stream).toArray();
    float[] values = new float[size];
    for (int k = 0; k < count; k++) {
      Block b = blocks.get(k);
      List<Integer> own = splits(b.root(), new ArrayList<>());
      int[] union = unions.get(k);
      firstNode[k + 1] = firstNode[k] + own.size();
      firstFeature[k + 1] = firstFeature[k] + union.length;
      int rows = 1 << (b.features().length + own.size());
      firstValue[k + 1] = firstValue[k] + rows * union.length;
      fill(b, own, union, values, firstValue[k]);
      nodes.addAll(own);
    }
    return new ShapTable.Blocks(
        firstNode, firstFeature, firstValue, splitsOf(nodes), features, values);
  }

  /**
   * Fills a block's table: row {@code missedAbove << m | sides} (m splits, the first split's side
   * in the highest bit, 1 for right) sums, over the block's leaves, each leaf's values for the
   * features the row follows on its path.
   */
  private void fill(Block b, List<Integer> own, int[] union, float[] values, int offset) {
    List<Leaf> leaves = new ArrayList<>();
    int dAbove = b.features().length;
    int[] features = Arrays.copyOf(b.features(), dAbove + own.size());
    double[] zero = Arrays.copyOf(b.zero(), dAbove + own.size());
    collect(b.root(), own, union, features, zero, dAbove, new int[0], new boolean[0], leaves);
    int m = own.size();
    int width = union.length;
    double[] sum = new double[width];
    for (int index = 0; index < 1 << (dAbove + m); index++) {
      Arrays.fill(sum, 0);
      for (Leaf leaf : leaves) {
        leaf.add(index, m, sum);
      }
      for (int j = 0; j < width; j++) {
        values[offset + index * width + j] = (float) sum[j];
      }
    }
  }

  /** The leaves under {@code node}, with the path from the block's root; as {@link #visit}. */
  private void collect(
      int node,
      List<Integer> own,
      int[] union,
      int[] features,
      double[] zero,
      int d,
      int[] steps,
      boolean[] sides,
      List<Leaf> out) {
    if (model.isLeaf(node)) {
      int[] bits = new int[steps.length];
      for (int i = 0; i < steps.length; i++) {
        bits[i] = 1 << indexOf(features, d, model.feature(own.get(steps[i])));
      }
      int[] column = new int[d];
      for (int k = 0; k < d; k++) {
        column[k] = indexOf(union, union.length, features[k]);
      }
      double[] table = LeafShap.table(model.leafValue(node), zero, d);
      out.add(new Leaf(d, table, column, steps, sides, bits));
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
    int[] path = Arrays.copyOf(steps, steps.length + 1);
    path[steps.length] = own.indexOf(node);
    double before = zero[k];
    for (boolean right : new boolean[] {false, true}) {
      int child = right ? model.right(node) : model.left(node);
      boolean[] taken = Arrays.copyOf(sides, sides.length + 1);
      taken[sides.length] = right;
      zero[k] = before * model.cover(child) / model.cover(node);
      collect(child, own, union, features, zero, below, path, taken, out);
    }
    zero[k] = before;
  }

  /**
   * A leaf of a block: its d values per followed set ({@link LeafShap#table}), the block column of
   * each of its features, and its path in the block: the splits (by position in the block), the
   * side taken at each, and the bit of each split's feature among the leaf's features.
   */
  private record Leaf(
      int d, double[] table, int[] column, int[] steps, boolean[] sides, int[] bits) {
    /** Adds this leaf's values for a block row to {@code sum}, by block column. */
    void add(int index, int m, double[] sum) {
      int missed = index >>> m;
      for (int i = 0; i < steps.length; i++) {
        boolean right = ((index >>> (m - 1 - steps[i])) & 1) != 0;
        if (right != sides[i]) {
          missed |= bits[i];
        }
      }
      int followed = ~missed & ((1 << d) - 1);
      for (int k = 0; k < d; k++) {
        sum[column[k]] += table[followed * d + k];
      }
    }
  }

  private static int indexOf(int[] features, int d, int f) {
    for (int k = 0; k < d; k++) {
      if (features[k] == f) {
        return k;
      }
    }
    return -1;
  }
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Merchant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The merchants, grouped by category, with Zipf-like popularity: within a category the k-th
 * merchant draws 1/k of the first one's custom, so a few big chains take most of it.
 */
final class MerchantDirectory {
  private final List<Merchant> merchants;
  private final int[][] byCategory;
  private final double[][] popularity;
  private final double[] overall;

  MerchantDirectory(List<Merchant> merchants, List<MerchantCategory> categories) {
    this.merchants = List.copyOf(merchants);
    int count = MerchantCategory.values().length;
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      members.add(new ArrayList<>());
    }
    double[] overallWeights = new double[merchants.size()];
    for (int i = 0; i < merchants.size(); i++) {
      List<Integer> group = members.get(categories.get(i).ordinal());
      group.add(i);
      overallWeights[i] = 1.0 / group.size();
    }
    this.byCategory = new int[count][];
    this.popularity = new double[count][];
    for (int c = 0; c < count; c++) {
      byCategory[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
      double[] weights = new double[byCategory[c].length];
      for (int rank = 0; rank < weights.length; rank++) {
        weights[rank] = 1.0 / (rank + 1);
      }
      popularity[c] = Sampling.cumulative(weights);
    }
    this.overall = Sampling.cumulative(overallWeights);
  }

  List<Merchant> merchants() {
    return merchants;
  }

  /**
   * A merchant of {@code category} by popularity. When the population is too small to have one, any
   * merchant stands in, so that tiny configurations still generate.
   */
  Merchant pick(MerchantCategory category, SplittableRandom rng) {
    int[] members = byCategory[category.ordinal()];
    if (members.length == 0) {
      return merchants.get(Sampling.pickCumulative(rng, overall));
    }
    return merchants.get(members[Sampling.pickCumulative(rng, popularity[category.ordinal()])]);
  }
}

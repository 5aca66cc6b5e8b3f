package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tabulated TreeSHAP gives path-dependent TreeSHAP's values. */
class ShapTableTest {
  @Test
  void givesTreeShapsValuesOnEveryRowWhateverTheBlockHeight() {
    Dataset data = Synthetic.dataset(3000, 7);
    // Depth 5 with few features: many paths split on one feature twice.
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1)
                .train(data, new HyperParameters(5, 0.2, 60, 1, 0.8, 0.9, 1), 3, 42));
    TreeShap shap = new TreeShap(model);
    for (int h = 0; h <= ShapTable.MAX_BLOCK_HEIGHT; h++) {
      ShapTable table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET, h);
      assertThat(table).isNotNull();
      assertThat(table.blockHeight()).isEqualTo(h);
      assertThat(table.bias()).isEqualTo(shap.bias());
      for (int i = 0; i < data.size(); i++) {
        double[] expected = shap.contributions(data.row(i));
        double[] actual = table.contributions(data.row(i));
        for (int j = 0; j < expected.length; j++) {
          assertThat(actual[j])
              .as("height %d row %d feature %d", h, i, j)
              .isCloseTo(expected[j], within(1e-5));
        }
      }
    }
  }

  @Test
  void unevenTreesAndMissingValuesGiveTreeShapsValues() {
    Dataset data = Synthetic.dataset(2000, 11);
    // A large minimum child weight stops branches early: leaves at every depth.
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1).train(data, new HyperParameters(6, 0.3, 40, 8, 1, 1, 1), 3, 5));
    TreeShap shap = new TreeShap(model);
    SplittableRandom random = new SplittableRandom(3);
    for (int h = 0; h <= ShapTable.MAX_BLOCK_HEIGHT; h++) {
      ShapTable table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET, h);
      for (int i = 0; i < 500; i++) {
        double[] row = data.row(i).clone();
        for (int j = 0; j < row.length; j++) {
          row[j] = random.nextInt(4) == 0 ? Double.NaN : row[j];
        }
        assertThat(table.contributions(row))
            .as("height %d row %d", h, i)
            .containsExactly(shap.contributions(row), within(1e-5));
      }
    }
  }

  @Test
  void contributionsAndBiasSumToTheMargin() {
    Dataset data = Synthetic.dataset(2000, 3);
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1).train(data, new HyperParameters(4, 0.3, 50, 1, 1, 1, 1), 3, 1));
    ShapTable table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET);
    assertThat(table.blockHeight()).isEqualTo(ShapTable.MAX_BLOCK_HEIGHT);
    for (int i = 0; i < 200; i++) {
      double sum = 0;
      for (double phi : table.contributions(data.row(i))) {
        sum += phi;
      }
      assertThat(sum).isCloseTo(model.margin(data.row(i)), within(1e-4));
    }
  }

  @Test
  void orderKeysOrderAsTheFloatsDo() {
    SplittableRandom random = new SplittableRandom(5);
    float[] special = {
      0f,
      -0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      1,
      -1,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY
    };
    for (int i = 0; i < 100_000; i++) {
      float a = i < 100 ? special[i % 10] : Float.intBitsToFloat(random.nextInt());
      float b =
          i < 100 ? special[i / 10] : random.nextInt(3) == 0 ? a : (float) random.nextGaussian();
      if (a != a || b != b) {
        continue;
      }
      assertThat(ShapTable.orderKey(a) < ShapTable.orderKey(b))
          .as("%s < %s", a, b)
          .isEqualTo(a < b);
      assertThat(ShapTable.orderKey(a)).isBetween(Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
    }
  }

  @Test
  void missingValuesFollowTheDefaultSideAsInTreeShap() {
    Dataset data = Synthetic.dataset(2000, 3);
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1).train(data, new HyperParameters(4, 0.3, 20, 1, 1, 1, 1), 3, 1));
    ShapTable table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET);
    double[] row = {Double.NaN, 7, Double.NaN, 0.5, 1};
    double[] expected = new TreeShap(model).contributions(row);
    assertThat(table.contributions(row)).containsExactly(expected, within(1e-5));
  }

  @Test
  void aBudgetTooSmallForTallBlocksGetsShorterOnes() {
    Dataset data = Synthetic.dataset(2000, 3);
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1).train(data, new HyperParameters(4, 0.3, 20, 1, 1, 1, 1), 3, 1));
    ShapTable tallest = ShapTable.build(model, ShapTable.DEFAULT_BUDGET);
    ShapTable leaves = ShapTable.build(model, ShapTable.DEFAULT_BUDGET, 0);
    ShapTable shorter = ShapTable.build(model, tallest.floats() - 1);
    assertThat(tallest.blockHeight()).isEqualTo(3);
    assertThat(shorter.blockHeight()).isLessThan(3);
    assertThat(shorter.floats()).isLessThan(tallest.floats());
    assertThat(leaves.blockHeight()).isZero();
    assertThat(ShapTable.build(model, 100)).isNull();
  }
}

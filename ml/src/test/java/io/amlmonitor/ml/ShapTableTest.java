package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The tabulated TreeSHAP gives path-dependent TreeSHAP's values. */
class ShapTableTest {
  @Test
  void givesTreeShapsValuesOnEveryRow() {
    Dataset data = Synthetic.dataset(3000, 7);
    // Depth 5 with few features: many paths split on one feature twice.
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1)
                .train(data, new HyperParameters(5, 0.2, 60, 1, 0.8, 0.9, 1), 3, 42));
    ShapTable table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET);
    TreeShap shap = new TreeShap(model);
    assertThat(table).isNotNull();
    assertThat(table.pairCount()).as("sibling leaves read together").isGreaterThan(60);
    assertThat(table.sweeps()).as("XGBoost writes parents before children").isTrue();
    assertThat(table.bias()).isEqualTo(shap.bias());
    for (int i = 0; i < data.size(); i++) {
      double[] expected = shap.contributions(data.row(i));
      double[] actual = table.contributions(data.row(i));
      double[] walked = table.walk(data.row(i));
      for (int j = 0; j < expected.length; j++) {
        assertThat(actual[j]).as("row %d feature %d", i, j).isCloseTo(expected[j], within(1e-5));
        assertThat(walked[j])
            .as("walked row %d feature %d", i, j)
            .isCloseTo(expected[j], within(1e-5));
      }
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
  void aModelTooDeepForTheBudgetIsNotTabulated() {
    Dataset data = Synthetic.dataset(2000, 3);
    TreeEnsemble model =
        TreeEnsemble.fromXgboostJson(
            new XgboostTrainer(1).train(data, new HyperParameters(4, 0.3, 20, 1, 1, 1, 1), 3, 1));
    assertThat(ShapTable.build(model, 100)).isNull();
  }
}

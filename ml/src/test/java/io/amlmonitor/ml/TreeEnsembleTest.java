package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pure-Java evaluator and TreeSHAP against XGBoost4J's own predictions. */
class TreeEnsembleTest {
  static Dataset data;
  static byte[] json;
  static TreeEnsemble model;
  static float[][] xgbMargins;
  static float[][] xgbProbabilities;
  static float[][] xgbContributions;

  @BeforeAll
  static void train() throws Exception {
    data = Synthetic.dataset(3000, 7);
    HyperParameters hp = new HyperParameters(5, 0.2, 60, 1, 0.8, 0.9, 1);
    json = new XgboostTrainer(1).train(data, hp, 3.0, 42);
    model = TreeEnsemble.fromXgboostJson(json);
    Booster booster = XGBoost.loadModel(json);
    DMatrix matrix = XgboostTrainer.matrix(data);
    try {
      xgbMargins = booster.predict(matrix, true, 0);
      xgbProbabilities = booster.predict(matrix);
      xgbContributions = booster.predictContrib(matrix, 0);
    } finally {
      matrix.dispose();
      booster.dispose();
    }
  }

  @Test
  void predictsWhatXgboostPredicts() {
    assertThat(model.treeCount()).isEqualTo(60);
    assertThat(model.featureCount()).isEqualTo(Synthetic.NAMES.size());
    for (int i = 0; i < data.size(); i++) {
      assertThat(model.predict(data.row(i)))
          .as("row %d", i)
          .isCloseTo(xgbProbabilities[i][0], within(1e-6));
      assertThat(model.margin(data.row(i)))
          .as("row %d", i)
          .isCloseTo(xgbMargins[i][0], within(1e-5));
    }
  }

  @Test
  void shapValuesAndBiasSumToTheMargin() {
    TreeShap shap = new TreeShap(model);
    for (int i = 0; i < data.size(); i++) {
      double[] phi = shap.contributions(data.row(i));
      double sum = 0;
      for (double v : phi) {
        sum += v;
      }
      assertThat(sum).as("row %d", i).isCloseTo(model.margin(data.row(i)), within(1e-5));
    }
  }

  @Test
  void shapValuesAgreeWithXgboostPredictContrib() {
    TreeShap shap = new TreeShap(model);
    for (int i = 0; i < 25; i++) {
      double[] phi = shap.contributions(data.row(i));
      assertThat(phi).hasSize(xgbContributions[i].length);
      for (int j = 0; j < phi.length; j++) {
        assertThat(phi[j])
            .as("row %d feature %d", i, j)
            .isCloseTo(xgbContributions[i][j], within(1e-5));
      }
    }
  }

  @Test
  void aFeatureThatNeverSplitsGetsNoCredit() {
    double[] gain = model.totalGain();
    TreeShap shap = new TreeShap(model);
    for (int j = 0; j < gain.length; j++) {
      if (gain[j] == 0) {
        assertThat(shap.contributions(data.row(0))[j]).isZero();
      }
    }
    assertThat(gain[1]).as("the count drives the label").isPositive();
  }

  @Test
  void refusesARowOfTheWrongWidthAndAnUnsupportedObjective() {
    assertThatThrownBy(() -> model.predict(new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 values")
        .hasMessageContaining("5 features");
    String text =
        new String(json, StandardCharsets.UTF_8).replace("binary:logistic", "reg:squarederror");
    assertThatThrownBy(() -> TreeEnsemble.fromXgboostJson(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("reg:squarederror");
  }
}

package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  @Test
  void areasOfAHandWorkedRanking() {
    Ranking r =
        new Ranking(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, true, false});

    // Positives outrank negatives in 3 of the 4 pairs.
    assertThat(r.rocAuc()).isCloseTo(0.75, within(1e-12));
    // Precision 1 at recall 0.5, then 2/3 at recall 1.
    assertThat(r.prAuc()).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within(1e-12));
  }

  @Test
  void tiesGetHalfCreditWhateverTheirOrder() {
    boolean[] labels = {true, false, false, true, false};
    Ranking r = new Ranking(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, labels);

    assertThat(r.rocAuc()).isCloseTo(0.5, within(1e-12));
    assertThat(r.prAuc()).isCloseTo(0.4, within(1e-12));
    assertThat(r.rocCurve()).containsExactly(new Ranking.Point(0, 0), new Ranking.Point(1, 1));
  }

  @Test
  void anAlertRateTakesTheHighestScores() {
    double[] scores = new double[200];
    boolean[] labels = new boolean[200];
    for (int i = 0; i < 200; i++) {
      scores[i] = i / 200.0;
      labels[i] = i % 50 == 49; // 4 positives: 49, 99, 149, 199
    }
    Ranking.Alerts alerts = new Ranking(scores, labels).alertTop(0.01);

    assertThat(alerts.rows()).containsExactly(199, 198);
    assertThat(alerts.recall()).isEqualTo(0.25);
    assertThat(alerts.precision()).isEqualTo(0.5);
    assertThat(alerts.threshold()).isEqualTo(198 / 200.0);
  }

  @Test
  void oneClassHasNoArea() {
    assertThatThrownBy(() -> new Ranking(new double[] {0.1, 0.2}, new boolean[] {false, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 positive of 2");
  }

  @Test
  void calibrationBinsByScore() {
    List<Calibration.Bin> bins =
        Calibration.bins(
            new double[] {0.05, 0.05, 0.95, 0.95}, new boolean[] {false, true, true, true}, 10);

    assertThat(bins).hasSize(2);
    assertThat(bins.get(0).observedRate()).isEqualTo(0.5);
    assertThat(bins.get(1).meanScore()).isCloseTo(0.95, within(1e-12));
    assertThat(bins.get(1).rows()).isEqualTo(2);
  }
}

package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reference histograms, the population stability index, and counting what a model scores. */
class DriftTest {
  @Test
  void binsAreCutAtTheDecilesOfDistinctValues() {
    DriftReference.Bins even =
        DriftReference.Bins.of(IntStream.range(0, 100).asDoubleStream().toArray(), 10);
    assertThat(even.edges()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
    assertThat(even.proportions()).containsOnly(0.1);

    double[] counts = new double[100];
    for (int i = 70; i < 100; i++) {
      counts[i] = 1 + i % 2;
    }
    DriftReference.Bins mostlyZero = DriftReference.Bins.of(counts, 10);
    assertThat(mostlyZero.edges()).containsExactly(0, 1, 2);
    assertThat(mostlyZero.proportions()).containsExactly(0, 0.7, 0.15, 0.15);
    assertThat(mostlyZero.bin(-1)).isZero();
    assertThat(mostlyZero.bin(0)).isEqualTo(1);
    assertThat(mostlyZero.bin(1.5)).isEqualTo(2);
    assertThat(mostlyZero.bin(7)).isEqualTo(3);
  }

  @Test
  void psiIsZeroForTheSameSharesAndGrowsWithTheShift() {
    assertThat(DriftReference.psi(new double[] {0.5, 0.5}, new long[] {50, 50})).isZero();
    double expected = 0.4 * Math.log(1.8) + -0.4 * Math.log(0.2);
    assertThat(DriftReference.psi(new double[] {0.5, 0.5}, new long[] {90, 10}))
        .isCloseTo(expected, within(1e-12));
    assertThat(DriftReference.psi(new double[] {0.5, 0.5}, new long[] {0, 0})).isZero();
    assertThat(DriftReference.psi(new double[] {1, 0}, new long[] {50, 50}))
        .as("an empty reference bin counts as rare, not impossible")
        .isFinite()
        .isGreaterThan(1);
  }

  @Test
  void theSamePopulationShowsNoDriftAndAShiftedAmountShows() {
    Dataset reference = Synthetic.dataset(5000, 1);
    double[] scores = new double[reference.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = reference.row(i)[2];
    }
    DriftMonitor monitor = new DriftMonitor(DriftReference.of(reference, scores), Synthetic.NAMES);

    Dataset later = Synthetic.dataset(5000, 2);
    for (int i = 0; i < later.size(); i++) {
      monitor.observe(later.row(i), later.row(i)[2]);
    }
    DriftMonitor.Status same = monitor.status();
    assertThat(same.observed()).isEqualTo(5000);
    assertThat(same.featurePsi().values()).allSatisfy(psi -> assertThat(psi).isLessThan(0.05));
    assertThat(same.above(DriftMonitor.WARNING)).isEmpty();

    monitor.reset();
    for (int i = 0; i < later.size(); i++) {
      double[] row = later.row(i).clone();
      row[0] *= 4; // amounts four times larger
      monitor.observe(row, row[2]);
    }
    DriftMonitor.Status shifted = monitor.status();
    assertThat(shifted.featurePsi().get("amount")).isGreaterThan(DriftMonitor.WARNING);
    assertThat(shifted.above(DriftMonitor.WARNING)).containsOnlyKeys("amount");
    assertThat(shifted.featurePsi().get("txn_count_1h")).isLessThan(0.05);
  }
}

package io.amlmonitor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.cases.AlertDisposition.Outcome;
import org.junit.jupiter.api.Test;

class DispositionCountsTest {
  @Test
  void theRateIsFalsePositivesOverEveryJudgedAlert() {
    DispositionCounts d =
        DispositionCounts.NONE
            .plus(Outcome.FALSE_POSITIVE)
            .plus(Outcome.SAR)
            .plus(Outcome.FALSE_POSITIVE)
            .plus(Outcome.FALSE_POSITIVE);

    assertThat(d).isEqualTo(new DispositionCounts(3, 1));
    assertThat(d.falsePositiveRate()).hasValue(0.75);
  }

  @Test
  void withoutAnyDispositionThereIsNoRateRatherThanZero() {
    assertThat(DispositionCounts.NONE.falsePositiveRate()).isEmpty();
    assertThat(new DispositionCounts(0, 2).falsePositiveRate()).hasValue(0.0);
  }

  @Test
  void countsCombine() {
    assertThat(new DispositionCounts(1, 2).plus(new DispositionCounts(3, 4)))
        .isEqualTo(new DispositionCounts(4, 6));
  }
}

package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {
  @Test
  void everyTrainingEventPrecedesEveryValidationEventWhichPrecedesEveryTestEvent() {
    Dataset data = Synthetic.dataset(2000, 3); // times jitter, so input order is not time order

    TimeSplit split = TimeSplit.of(data, 0.70, 0.15);

    assertThat(split.train().size()).isEqualTo(1400);
    assertThat(split.validation().size()).isEqualTo(300);
    assertThat(split.test().size()).isEqualTo(300);
    assertThat(max(split.train())).isLessThanOrEqualTo(min(split.validation()));
    assertThat(max(split.validation())).isLessThanOrEqualTo(min(split.test()));
    assertThat(split.testStart().toEpochMilli()).isEqualTo(min(split.test()));
    assertThat(
            split.train().positives() + split.validation().positives() + split.test().positives())
        .isEqualTo(data.positives());
  }

  @Test
  void aPeriodWithoutPositivesIsRefusedWithTheReason() {
    Dataset.Builder b = Dataset.builder(List.of("x"));
    for (int i = 0; i < 100; i++) {
      b.add(i, new double[] {i}, i < 10, null); // positives only at the start
    }

    assertThatThrownBy(() -> TimeSplit.of(b.build(), 0.7, 0.15))
        .isInstanceOf(TrainingDataException.class)
        .hasMessageContaining("validation period has 15 rows of which 0 positive");
  }

  private static long max(Dataset d) {
    long m = Long.MIN_VALUE;
    for (int i = 0; i < d.size(); i++) {
      m = Math.max(m, d.eventMillis(i));
    }
    return m;
  }

  private static long min(Dataset d) {
    long m = Long.MAX_VALUE;
    for (int i = 0; i < d.size(); i++) {
      m = Math.min(m, d.eventMillis(i));
    }
    return m;
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
  private static final Instant EPOCH_2017 = Instant.parse("2017-01-01T00:00:00Z");

  @Test
  void aNumberCountsUnitsFromTheEpoch() {
    TimeScale days = new TimeScale(TimeScale.Unit.DAY, EPOCH_2017);

    assertThat(days.parse("0")).isEqualTo(EPOCH_2017);
    assertThat(days.parse("3")).isEqualTo(Instant.parse("2017-01-04T00:00:00Z"));
    assertThat(days.parse("1.5")).isEqualTo(Instant.parse("2017-01-02T12:00:00Z"));
    assertThat(new TimeScale(TimeScale.Unit.S, EPOCH_2017).parse("90"))
        .isEqualTo(Instant.parse("2017-01-01T00:01:30Z"));
    assertThat(TimeScale.DEFAULT.parse("1767225600123"))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
  }

  @Test
  void isoTextIsTakenAsItIsWhateverTheUnit() {
    TimeScale days = new TimeScale(TimeScale.Unit.DAY, EPOCH_2017);

    assertThat(days.parse("2026-01-05T14:03:22.123Z"))
        .isEqualTo(Instant.parse("2026-01-05T14:03:22.123Z"));
    assertThat(days.parse("2026-01-05T11:03:22-03:00"))
        .isEqualTo(Instant.parse("2026-01-05T14:03:22Z"));
    assertThat(days.parse("2026-01-05 14:03:22")).isEqualTo(Instant.parse("2026-01-05T14:03:22Z"));
    assertThat(days.parse("2026-01-05")).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
  }

  @Test
  void textThatIsNeitherIsRefusedNamingTheFieldTheUnitAndTheEpoch() {
    TimeScale days = new TimeScale(TimeScale.Unit.DAY, EPOCH_2017);

    assertThatThrownBy(() -> days.parse("yesterday"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage(
            "timestamp: 'yesterday' is neither a number of day since 2017-01-01T00:00:00Z nor"
                + " an ISO-8601 time such as 2017-01-01T12:00:00Z");
    assertThatThrownBy(() -> days.parse("2026-13-40")).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> days.parse("")).hasMessage("timestamp: is required");
    assertThatThrownBy(() -> days.parse("1e400")).hasMessage("timestamp: '1e400' is out of range");
  }
}

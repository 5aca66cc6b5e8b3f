package io.amlmonitor.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void includesItsStartAndExcludesItsEnd() {
    TimeRange day = new TimeRange(T0, T0.plusSeconds(86_400));

    assertThat(day.contains(T0)).isTrue();
    assertThat(day.contains(T0.plusSeconds(86_399))).isTrue();
    assertThat(day.contains(T0.plusSeconds(86_400))).isFalse();
    assertThat(day.contains(T0.minusNanos(1))).isFalse();
  }

  @Test
  void anOpenEndIsUnbounded() {
    assertThat(new TimeRange(null, T0).contains(Instant.EPOCH)).isTrue();
    assertThat(new TimeRange(T0, null).contains(Instant.parse("9999-01-01T00:00:00Z"))).isTrue();
    assertThat(TimeRange.ALL.contains(T0)).isTrue();
    assertThat(new TimeRange(T0, null)).hasToString("[2026-03-01T00:00:00Z, …)");
  }

  @Test
  void refusesARangeThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> new TimeRange(T0, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end after it starts");
  }
}

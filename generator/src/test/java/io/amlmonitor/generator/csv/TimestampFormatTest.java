package io.amlmonitor.generator.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {
  private final TimestampFormat format = new TimestampFormat();

  @Test
  void alwaysWritesThreeFractionDigits() {
    assertThat(formatted("2026-01-05T14:03:22.123Z")).isEqualTo("2026-01-05T14:03:22.123Z");
    assertThat(formatted("2026-01-05T14:03:22Z")).isEqualTo("2026-01-05T14:03:22.000Z");
    assertThat(formatted("2026-01-05T04:03:02.005Z")).isEqualTo("2026-01-05T04:03:02.005Z");
    assertThat(formatted("2026-01-05T23:59:59.090Z")).isEqualTo("2026-01-05T23:59:59.090Z");
  }

  @Test
  void truncatesFinerFractionsToTheMillisecond() {
    assertThat(formatted("2026-01-05T14:03:22.123456789Z")).isEqualTo("2026-01-05T14:03:22.123Z");
  }

  @Test
  void followsTheDateAcrossMidnight() {
    assertThat(formatted("2026-01-05T23:59:59.999Z")).isEqualTo("2026-01-05T23:59:59.999Z");
    assertThat(formatted("2026-01-06T00:00:00.000Z")).isEqualTo("2026-01-06T00:00:00.000Z");
  }

  @Test
  void readsBackAsTheSameInstant() {
    Instant instant = Instant.parse("2026-02-28T09:15:00.010Z");

    assertThat(Instant.parse(formatted(instant.toString()))).isEqualTo(instant);
  }

  private String formatted(String instant) {
    StringBuilder row = new StringBuilder();
    format.append(row, Instant.parse(instant));
    return row.toString();
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
  @Test
  void readsEveryUtcInstantAsInstantParseDoesWhateverItsFraction() {
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 20_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000));
      String[] forms = {
        t.toString(),
        t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
        t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
      };
      for (String text : forms) {
        assertThat(IsoTime.parse(text)).as(text).isEqualTo(Instant.parse(text));
      }
    }
    assertThat(IsoTime.parse("2026-01-05T14:03:22.1Z"))
        .isEqualTo(Instant.parse("2026-01-05T14:03:22.100Z"));
  }

  @Test
  void impossibleDatesAndTimesAreRefused() {
    for (String bad :
        new String[] {
          "2026-02-30T00:00:00Z",
          "2026-01-05T25:00:00Z",
          "2026-01-05T14:60:00Z",
          "2026-01-05T14:03:22.1234567890Z",
          "2026-1-05T14:03:22Z"
        }) {
      assertThatThrownBy(() -> IsoTime.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
    }
  }
}

package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationStatsTest {
  private static final long T0 = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();

  @Test
  void statisticsLoadedFromBytesGiveTheSameReferences() {
    PopulationStats writer = new PopulationStats();
    SplittableRandom random = new SplittableRandom(20261121);
    for (int i = 0; i < 5_000; i++) {
      writer.add(T0 + i * 20_000L, PopulationStats.scaledLog(random.nextLong(100, 5_000_000)));
    }
    PopulationStats reader = new PopulationStats();
    reader.reference(T0 + 30 * WindowKind.HOUR); // a cached reference that loading must replace

    reader.load(writer.toBytes());

    for (int h = 0; h < 30; h++) {
      long at = T0 + h * WindowKind.HOUR + 1;
      assertThat(reader.reference(at)).isEqualTo(writer.reference(at));
    }
    assertThat(reader.reference(T0 + 28 * WindowKind.HOUR).usable()).isTrue();
  }

  @Test
  void bytesOfAnotherShapeAreRefused() {
    assertThatThrownBy(() -> new PopulationStats().load(new byte[12]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("population snapshot");
  }
}

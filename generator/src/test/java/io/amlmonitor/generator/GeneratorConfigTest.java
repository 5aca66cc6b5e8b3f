package io.amlmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
  private static final GeneratorConfig BASE = GeneratorConfig.defaults();

  @Test
  void defaultsDescribeTenThousandCustomersOverNinetyDaysInUtc() {
    assertThat(BASE.customers()).isEqualTo(10_000);
    assertThat(BASE.merchants()).isEqualTo(500);
    assertThat(BASE.days()).isEqualTo(90);
    assertThat(BASE.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(BASE.start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(BASE.launderingShare()).isEqualTo(0.02);
    assertThat(BASE.end()).isEqualTo(Instant.parse("2026-04-05T00:00:00Z"));
  }

  @Test
  void rejectsNonPositiveSizesNamingTheFieldAndValue() {
    assertRejected(() -> GeneratorConfig.of(0, 10, 10, 1), "customers", "was 0");
    assertRejected(() -> GeneratorConfig.of(10, -3, 10, 1), "merchants", "was -3");
    assertRejected(() -> GeneratorConfig.of(10, 10, 0, 1), "days", "was 0");
  }

  @Test
  void rejectsSizesAboveTheirLimits() {
    assertRejected(() -> GeneratorConfig.of(10_000_001, 10, 10, 1), "customers", "10000001");
    assertRejected(() -> GeneratorConfig.of(10, 10, 3_661, 1), "days", "3661");
  }

  @Test
  void rejectsALaunderingShareOutsideZeroToHalf() {
    assertRejected(() -> BASE.withLaunderingShare(0.7), "laundering_share", "was 0.7");
    assertRejected(() -> BASE.withLaunderingShare(-0.1), "laundering_share", "was -0.1");
    assertRejected(() -> BASE.withLaunderingShare(Double.NaN), "laundering_share", "NaN");
  }

  @Test
  void rejectsAStartThatIsNotMidnightInTheZone() {
    ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
    assertRejected(
        () -> new GeneratorConfig(10, 10, 10, 1, BASE.start(), saoPaulo, 0.02),
        "start",
        "2026-01-05T00:00:00Z is not midnight in America/Sao_Paulo");
  }

  @Test
  void rejectsMissingZoneAndStart() {
    assertRejected(() -> new GeneratorConfig(10, 10, 10, 1, null, ZoneOffset.UTC, 0), "start", "");
    assertRejected(() -> new GeneratorConfig(10, 10, 10, 1, BASE.start(), null, 0), "zone", "");
  }

  @Test
  void startingOnPutsTheStartAtLocalMidnight() {
    ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
    GeneratorConfig config = BASE.startingOn(LocalDate.of(2026, 3, 2), saoPaulo);

    assertThat(config.start()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
    assertThat(config.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(config.zone()).isEqualTo(saoPaulo);
  }

  private static void assertRejected(Runnable build, String field, String value) {
    assertThatThrownBy(build::run)
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith(field + ":")
        .hasMessageContaining(value)
        .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(field));
  }
}

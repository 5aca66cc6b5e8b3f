package io.amlmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TypologyTest {
  @Test
  void labelsAreSnakeCase() {
    assertThat(Typology.NONE.label()).isEqualTo("none");
    assertThat(Typology.VELOCITY_BURST.label()).isEqualTo("velocity_burst");
    assertThat(Typology.DORMANT_REACTIVATION.label()).isEqualTo("dormant_reactivation");
  }

  @ParameterizedTest
  @EnumSource(Typology.class)
  void parseReadsBackEveryLabel(Typology typology) {
    assertThat(Typology.parse(typology.label())).isEqualTo(typology);
  }

  @Test
  void parseIgnoresCaseAndSurroundingBlanks() {
    assertThat(Typology.parse("  Fan_In ")).isEqualTo(Typology.FAN_IN);
  }

  @Test
  void parseRejectsAnUnknownLabelListingTheKnownOnes() {
    assertThatThrownBy(() -> Typology.parse("smurfing"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("typology: 'smurfing' is not one of none, structuring");
  }

  @Test
  void onlyNoneIsNotLaundering() {
    assertThat(Typology.NONE.isLaundering()).isFalse();
    assertThat(Typology.CYCLE.isLaundering()).isTrue();
  }
}

package io.amlmonitor.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private static final List<String> CODES =
      List.of("BR", "br", " ar ", "B1", "BRA", "B", "", "ß", "ÄB", "Ab", "ZZ", "AZ", "[A", "@Z");

  @Test
  void upperLettersAgreeWithTheRegularExpressionTheyReplaced() {
    for (String code : CODES) {
      String upper = code.strip().toUpperCase(Locale.ROOT);
      for (int length : new int[] {2, 3}) {
        assertThat(Checks.isUpperLetters(upper, length))
            .as("%s, %d letters", code, length)
            .isEqualTo(Pattern.compile("[A-Z]{" + length + "}").matcher(upper).matches());
      }
    }
  }

  @Test
  void countriesAndCurrenciesAreUpperCasedOrRefusedWithTheirField() {
    assertThat(Checks.optionalCountry("country", " br ")).isEqualTo("BR");
    assertThat(Checks.optionalCountry("country", "ß")).isEqualTo("SS"); // as the regex allowed
    assertThatThrownBy(() -> Checks.optionalCountry("country", "B1"))
        .hasMessageContaining("country")
        .hasMessageContaining("'B1'");
    Transaction t =
        Transaction.builder()
            .id("T1")
            .timestamp(java.time.Instant.EPOCH)
            .customer("C1")
            .merchant("M1")
            .amount(1.0)
            .currency("brl")
            .build();
    assertThat(t.currency()).isEqualTo("BRL");
    assertThatThrownBy(
            () ->
                Transaction.builder()
                    .id("T2")
                    .timestamp(java.time.Instant.EPOCH)
                    .customer("C1")
                    .merchant("M1")
                    .amount(1.0)
                    .currency("R$")
                    .build())
        .hasMessageContaining("currency");
  }
}

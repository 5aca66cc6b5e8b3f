package io.amlmonitor.generator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTextTest {
  @Test
  void plainValuesAreWrittenAsTheyAre() {
    assertThat(field("Mercado Aurora")).isEqualTo("Mercado Aurora");
    assertThat(field(null)).isEmpty();
  }

  @Test
  void valuesWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(field("Padaria, Ltda")).isEqualTo("\"Padaria, Ltda\"");
    assertThat(field("Bar do \"Zé\"")).isEqualTo("\"Bar do \"\"Zé\"\"\"");
    assertThat(field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void centsAlwaysHaveTwoDecimals() {
    assertThat(cents(0)).isEqualTo("0.00");
    assertThat(cents(5)).isEqualTo("0.05");
    assertThat(cents(123_450)).isEqualTo("1234.50");
    assertThat(cents(999_999)).isEqualTo("9999.99");
  }

  @Test
  void splitUndoesQuotingAndKeepsEmptyFields() {
    assertThat(CsvText.split("a,,\"b, c\",\"say \"\"hi\"\"\","))
        .containsExactly("a", "", "b, c", "say \"hi\"", "");
    assertThat(CsvText.split("\"two\nlines\",x")).containsExactly("two\nlines", "x");
  }

  @Test
  void splitRejectsBrokenQuoting() {
    assertThatThrownBy(() -> CsvText.split("a,\"open"))
        .hasMessage("field 2 opens a quote that is never closed");
    assertThatThrownBy(() -> CsvText.split("\"a\"b,c"))
        .hasMessage("field 1 has text after its closing quote");
    assertThatThrownBy(() -> CsvText.split("a,b\"c"))
        .hasMessage("field 2 has a quote but is not quoted");
  }

  private static String field(String value) {
    StringBuilder row = new StringBuilder();
    CsvText.appendField(row, value);
    return row.toString();
  }

  private static String cents(long value) {
    StringBuilder row = new StringBuilder();
    CsvText.appendCents(row, value);
    return row.toString();
  }
}

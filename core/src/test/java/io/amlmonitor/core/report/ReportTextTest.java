package io.amlmonitor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReportTextTest {
  @Test
  void theTextHasASummaryAndAlignedTables() {
    String text = ReportText.render(Reports.sample(), Locale.ENGLISH);

    assertThat(text)
        .startsWith("AML monitoring report\n")
        .contains("Period 2026-03-01 00:00 to 2026-03-04 00:00 (UTC); generated 2026-03-04 09:30")
        .contains("  Alerts                      40\n")
        .contains("  False-positive rate         75.0% (3 false positive(s), 1 SAR)\n")
        .contains("  rule          alerts  share\n")
        .contains("  structuring       30  75.0%\n")
        .contains("  large_amount      15  37.5%\n")
        .contains("  2026-03-02       0             0             1\n")
        .contains("  2 open; oldest 2 d 2 h, median 1 h 30 min\n")
        .contains("  under 1 day          1\n");
  }

  @Test
  void customersAreListedWithTheirLatestRatingAndAlerts() {
    String text = ReportText.render(Reports.sample(), Locale.ENGLISH);

    assertThat(text)
        .contains("Top 2 customers by risk")
        .containsPattern("C<1>\\s+HIGH\\s+12\\s+0.91\\s+2026-03-01 00:00\\s+<script>")
        .containsPattern("C2\\s+not rated\\s+3\\s+0.50\n");
  }

  @Test
  void anEmptyPeriodSaysThereIsNothingRatherThanPrintingEmptyTables() {
    String text = ReportText.render(Reports.empty(), Locale.ENGLISH);

    assertThat(text)
        .contains("Alerts by rule\n  No alerts in this period.\n")
        .contains("False-positive rate         n/a (no alert of a case closed in the period)")
        .contains("No case is open.")
        .contains("Customers by risk\n  No customer is rated or has an alert in this period.")
        .doesNotContain("Top 0")
        .doesNotContain("NaN");
  }

  @Test
  void everyReportLabelExistsInBothLanguages() throws IOException {
    assertThat(reportKeys("i18n/messages_pt_BR.properties"))
        .isNotEmpty()
        .isEqualTo(reportKeys("i18n/messages.properties"));
  }

  private static Set<String> reportKeys(String resource) throws IOException {
    Properties p = new Properties();
    try (var in = ReportTextTest.class.getClassLoader().getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> keys = new TreeSet<>();
    p.stringPropertyNames().stream().filter(k -> k.startsWith("report.")).forEach(keys::add);
    return keys;
  }

  @Test
  void portugueseUsesItsLabelsAndNotation() {
    String text = ReportText.render(Reports.sample(), Locale.forLanguageTag("pt-BR"));

    assertThat(text)
        .startsWith("Relatório de monitoramento de PLD\n")
        .contains("Alertas por tipologia")
        .contains("fracionamento")
        .contains("75,0% (3 falso(s) positivo(s), 1 comunicação(ões) de operação suspeita)")
        .contains("sem classificação");
  }
}

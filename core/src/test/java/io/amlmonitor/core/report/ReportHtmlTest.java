package io.amlmonitor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
  private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
  private static final Pattern BAR =
      Pattern.compile(
          "<rect class=\"bar\" x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"([0-9.]+)\""
              + " height=\"([0-9.]+)\" fill=\"[^\"]+\" data-value=\"(\\d+)\"");

  /** Value, width and height of every bar of the {@code index}th chart of the page. */
  private static List<double[]> bars(String page, int index) {
    String svg = charts(page).get(index);
    List<double[]> out = new ArrayList<>();
    Matcher m = BAR.matcher(svg);
    while (m.find()) {
      out.add(
          new double[] {
            Long.parseLong(m.group(4)),
            Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3))
          });
    }
    return out;
  }

  private static List<String> charts(String page) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(page);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void aPageWithActivityHasAChartForEachSeriesAndNeedsNoScriptOrExternalResource() {
    String page = ReportHtml.render(Reports.sample(), Locale.ENGLISH);

    // by rule, by typology, by risk level, alerts per day, cases per day, ageing
    assertThat(charts(page)).hasSize(6);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("href=")
        .doesNotContain("NaN")
        .contains("<h2>Alerts by rule</h2>")
        .contains("75.0% (3 false positive(s), 1 SAR)");
  }

  @Test
  void horizontalBarsAreAsLongAsTheirCountsAndTheLargestSpansThePlot() {
    List<double[]> byRule = bars(ReportHtml.render(Reports.sample(), Locale.ENGLISH), 0);

    assertThat(byRule).hasSize(2);
    assertThat(byRule.get(0)[0]).isEqualTo(30);
    assertThat(byRule.get(0)[1]).isEqualTo(400.0);
    assertThat(byRule.get(1)[0]).isEqualTo(15);
    assertThat(byRule.get(1)[1]).isEqualTo(200.0);
  }

  @Test
  void columnsAreAsTallAsTheirValuesAndAZeroDayHasNone() {
    List<double[]> perDay = bars(ReportHtml.render(Reports.sample(), Locale.ENGLISH), 3);

    assertThat(perDay).extracting(b -> b[0]).containsExactly(10.0, 0.0, 30.0);
    double tallest = perDay.get(2)[2];
    assertThat(tallest).isPositive();
    assertThat(perDay.get(0)[2]).isCloseTo(tallest / 3, org.assertj.core.data.Offset.offset(0.1));
    assertThat(perDay.get(1)[2]).isZero();
  }

  @Test
  void casesPerDayShowOpenedAndClosedSideBySide() {
    List<double[]> cases = bars(ReportHtml.render(Reports.sample(), Locale.ENGLISH), 4);

    assertThat(cases).extracting(b -> b[0]).containsExactly(4.0, 0.0, 0.0, 1.0, 2.0, 3.0);
  }

  @Test
  void anEmptyPeriodSaysSoInsteadOfDrawingEmptyCharts() {
    String page = ReportHtml.render(Reports.empty(), Locale.ENGLISH);

    assertThat(charts(page)).isEmpty();
    assertThat(page)
        .contains("No alerts in this period.")
        .contains("No case was opened or closed in this period.")
        .contains("No case is open.")
        .contains("No customer is rated or has an alert in this period.")
        .contains("n/a (no alert of a case closed in the period)")
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
  }

  @Test
  void valuesFromTheDataAreEscaped() {
    String page = ReportHtml.render(Reports.sample(), Locale.ENGLISH);

    assertThat(page)
        .doesNotContain("<script>")
        .doesNotContain("C<1>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .contains("C&lt;1&gt;");
  }

  @Test
  void portugueseLabelsAndNumbersButSvgCoordinatesWithADot() {
    String page = ReportHtml.render(Reports.sample(), PT_BR);

    assertThat(page)
        .contains("<html lang=\"pt-BR\">")
        .contains("Alertas por regra")
        .contains("fracionamento")
        .contains("ALTO")
        .contains("75,0%");
    assertThat(bars(page, 0).get(1)[1]).isEqualTo(200.0);
    assertThat(charts(page).get(0)).doesNotContainPattern("(x|y|width|height)=\"\\d+,\\d");
  }
}

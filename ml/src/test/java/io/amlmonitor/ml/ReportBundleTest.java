package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportBundleTest {
  @Test
  void theReportSpeaksEnglishAndBrazilianPortugueseWithTheSameKeys() throws IOException {
    Properties en = load("/i18n/model_report.properties");
    Properties pt = load("/i18n/model_report_pt_BR.properties");

    assertThat(pt.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(pt.getProperty("title")).isEqualTo("Relatório de treinamento do modelo");
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        new InputStreamReader(
            ReportBundleTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}

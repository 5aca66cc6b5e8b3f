package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainMessagesTest {
  @Test
  void everyTrainingMessageIsInBothLanguages() throws IOException {
    Set<String> en = trainKeys("/i18n/app.properties");
    Set<String> pt = trainKeys("/i18n/app_pt_BR.properties");

    assertThat(en).hasSizeGreaterThan(10);
    assertThat(pt).isEqualTo(en);
  }

  private static Set<String> trainKeys(String resource) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        new InputStreamReader(
            TrainMessagesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p.stringPropertyNames().stream()
        .filter(k -> k.startsWith("train."))
        .collect(Collectors.toSet());
  }
}

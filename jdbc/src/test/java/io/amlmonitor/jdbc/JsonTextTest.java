package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void everyDoubleBitPatternAndEveryLongRoundTripsExactly() {
    SplittableRandom random = new SplittableRandom(4);
    Map<String, Number> features = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      features.put("d" + i, Double.longBitsToDouble(random.nextLong()));
      features.put("l" + i, random.nextLong());
    }

    Map<String, Number> back = JsonText.features(JsonText.features(features));

    assertThat(back).containsExactlyEntriesOf(features);
    back.forEach(
        (name, value) ->
            assertThat(value).isInstanceOf(name.startsWith("d") ? Double.class : Long.class));
  }

  @Test
  void stringsKeepQuotesBackslashesAndUnicode() {
    List<String> reasons = List.of("Amount \"15,000.00\" \\ above", "São Paulo → Lisboa", "");

    assertThat(JsonText.strings(JsonText.strings(reasons))).isEqualTo(reasons);
    assertThat(JsonText.strings("[]")).isEmpty();
  }
}

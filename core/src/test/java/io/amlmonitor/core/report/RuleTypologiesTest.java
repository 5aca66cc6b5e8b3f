package io.amlmonitor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.store.RuleSetRepository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleTypologiesTest {
  static final RuleSetLoader LOADER = new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC);

  /**
   * A rule file of {@code version} with one rule per id, each {@code id:typology} or {@code id}.
   */
  static String rules(String version, String... rules) {
    StringBuilder yaml = new StringBuilder("version: \"" + version + "\"\nrules:\n");
    for (String r : rules) {
      String[] parts = r.split(":");
      yaml.append("  - id: ")
          .append(parts[0])
          .append("\n    description: d\n    condition: amount > 1.0\n    score: 0.5\n")
          .append("    severity: low\n    reason: r\n");
      if (parts.length > 1) {
        yaml.append("    typology: ").append(parts[1]).append('\n');
      }
    }
    return yaml.toString();
  }

  static RuleSet load(String yaml) {
    return LOADER.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml");
  }

  /** Recorded versions, counting how often each is read. */
  static final class Recorded implements RuleSetRepository {
    final Map<String, String> texts;
    final List<String> reads = new ArrayList<>();

    Recorded(Map<String, String> texts) {
      this.texts = texts;
    }

    @Override
    public boolean register(String version, String checksum, String text, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> text(String version) {
      reads.add(version);
      return Optional.ofNullable(texts.get(version));
    }
  }

  private final RuleSet current =
      load(rules("2", "structuring:structuring", "pass_through:rapid_movement", "plain"));
  private final Recorded recorded =
      new Recorded(
          Map.of(
              "1",
              rules("1", "structuring:smurfing", "ring:cycle"),
              "0",
              "version: \"0\"\nrules: [this is not a rule]\n"));
  private final RuleTypologies typologies = RuleTypologies.of(current, recorded, LOADER);

  @Test
  void theCurrentRuleSetDecidesForTheRulesItHasWhateverVersionScoredTheAlert() {
    assertThat(typologies.typology("1", "structuring")).isEqualTo("structuring");
    assertThat(typologies.typology("2", "pass_through")).isEqualTo("rapid_movement");
    assertThat(typologies.typology(null, "structuring")).isEqualTo("structuring");
    assertThat(typologies.typology("2", "plain")).isEqualTo("other");
    assertThat(recorded.reads).isEmpty();
  }

  @Test
  void aRetiredRuleTakesItsTypologyFromTheVersionThatScoredTheAlertReadOnce() {
    assertThat(typologies.typology("1", "ring")).isEqualTo("cycle");
    assertThat(typologies.typology("1", "ring")).isEqualTo("cycle");
    assertThat(typologies.typology("1", "gone")).isEqualTo("other");

    assertThat(recorded.reads).containsExactly("1");
  }

  @Test
  void aRuleFoundNowhereIsOther() {
    assertThat(typologies.typology(null, "ring")).isEqualTo("other");
    assertThat(typologies.typology("2", "ring")).isEqualTo("other");
    assertThat(typologies.typology("9", "ring")).isEqualTo("other");
    assertThat(typologies.typology("0", "ring"))
        .as("a text that no longer compiles")
        .isEqualTo("other");
    assertThat(RuleTypologies.of(current).typology("1", "ring")).isEqualTo("other");
  }

  @Test
  void anAlertHasEachTypologyOfItsRulesOnce() {
    assertThat(
            typologies.typologies(
                new AlertPattern("1", List.of("structuring", "ring", "pass_through"), 4)))
        .containsExactly("cycle", "rapid_movement", "structuring");
    assertThat(typologies.typologies(new AlertPattern("2", List.of(), 1))).containsExactly("other");
  }
}

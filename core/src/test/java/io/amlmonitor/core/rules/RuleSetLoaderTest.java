package io.amlmonitor.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RuleSetLoaderTest {
  private final RuleSetLoader loader =
      new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC);

  private RuleSet load(String yaml) {
    return loader.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  private static final String GOOD =
      """
      version: "1"
      constants:
        limit: 100.0
      rules:
        - id: big
          description: big payment
          condition: amount > limit
          score: 0.5
          severity: high
          reason:
            en: "Amount {amount:money} over {limit:money}"
            pt-BR: "Valor {amount:money} acima de {limit:money}"
      """;

  private static Transaction payment(double amount) {
    return Transaction.builder()
        .id("T1")
        .timestamp(Instant.parse("2026-01-01T12:00:00Z"))
        .customer("C1")
        .merchant("M1")
        .amount(amount)
        .build();
  }

  private static FeatureVector noHistory(Transaction t) {
    return FeatureEngine.inMemory(FeatureSettings.DEFAULT).featuresFor(t);
  }

  @Test
  void goodFileCompilesAndFiresWithLocalisedReasons() {
    RuleSet set = load(GOOD);
    Transaction t = payment(12_345.5);

    var fired = set.evaluate(t, noHistory(t));

    assertThat(set.version()).isEqualTo("1");
    assertThat(fired).extracting(RuleOutcome::ruleId).containsExactly("big");
    assertThat(fired.get(0).reason(Locale.ENGLISH)).isEqualTo("Amount 12,345.50 over 100.00");
    assertThat(fired.get(0).reason(Locale.forLanguageTag("pt-BR")))
        .isEqualTo("Valor 12.345,50 acima de 100,00");
  }

  @Test
  void ruleDoesNotFireWhenItsConditionIsFalse() {
    Transaction t = payment(50);
    assertThat(load(GOOD).evaluate(t, noHistory(t))).isEmpty();
  }

  @Test
  void defaultRuleSetLoads() {
    RuleSet set = loader.loadDefault();
    assertThat(set.rules())
        .extracting(Rule::id)
        .contains("large_amount", "structuring", "many_ips");
  }

  @Test
  void everyDefaultRuleNamesItsTypology() {
    assertThat(loader.loadDefault().rules())
        .allSatisfy(r -> assertThat(r.typology()).isNotEqualTo(Rule.OTHER_TYPOLOGY))
        .filteredOn(r -> r.id().equals("structuring"))
        .extracting(Rule::typology)
        .containsExactly("structuring");
  }

  @Test
  void typologyIsReadWhenGivenAndOtherWhenAbsent() {
    RuleSet given =
        load(GOOD.replace("severity: high", "severity: high\n    typology: large_amount"));

    assertThat(given.rules()).extracting(Rule::typology).containsExactly("large_amount");
    assertThat(load(GOOD).rules()).extracting(Rule::typology).containsExactly("other");
  }

  @Test
  void typologyThatIsNotLowerSnakeCaseIsRefusedWithItsLine() {
    for (String bad :
        new String[] {"Large_Amount", "large amount", "large-amount", "_large", "9x"}) {
      String yaml = GOOD.replace("severity: high", "severity: high\n    typology: \"" + bad + "\"");
      assertThatThrownBy(() -> load(yaml))
          .as(bad)
          .isInstanceOf(RuleSetException.class)
          .hasMessageContaining("test.yaml:10")
          .hasMessageContaining("rule 'big'")
          .hasMessageContaining("typology must be lower_snake_case");
    }
  }

  @Test
  void misspeltFeatureIsRefusedWithRuleIdAndLine() {
    String yaml = GOOD.replace("amount > limit", "amount > limit && unique_ip_1h > 3");
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("test.yaml:7")
        .hasMessageContaining("rule 'big'")
        .hasMessageContaining("unique_ip_1h");
  }

  @Test
  void syntaxErrorIsRefused() {
    assertThatThrownBy(() -> load(GOOD.replace("amount > limit", "amount >> limit")))
        .isInstanceOf(RuleSetException.class)
        .satisfies(e -> assertThat(((RuleSetException) e).line()).isEqualTo(7))
        .hasMessageContaining("does not compile");
  }

  @Test
  void conditionThatIsNotBooleanIsRefused() {
    assertThatThrownBy(() -> load(GOOD.replace("amount > limit", "amount + limit")))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("rule 'big'");
  }

  @Test
  void scoreOutOfRangeIsRefused() {
    assertThatThrownBy(() -> load(GOOD.replace("score: 0.5", "score: 1.5")))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("test.yaml:8")
        .hasMessageContaining("score must be in (0, 1]");
  }

  @Test
  void unknownPlaceholderInReasonIsRefused() {
    assertThatThrownBy(() -> load(GOOD.replace("over {limit:money}", "over {limt}")))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("unknown value {limt}");
  }

  @Test
  void reasonWithoutEnglishIsRefused() {
    String yaml = GOOD.replace("en: \"Amount {amount:money} over {limit:money}\"", "fr: \"x\"");
    assertThatThrownBy(() -> load(yaml)).hasMessageContaining("English");
  }

  @Test
  void duplicateIdIsRefused() {
    String second =
        GOOD.substring(GOOD.indexOf("  - id: big"))
            .replace("Amount", "Again"); // same id, appended as a second rule
    assertThatThrownBy(() -> load(GOOD + second))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("used by another rule");
  }

  @Test
  void unknownKeyInRuleIsRefused() {
    assertThatThrownBy(() -> load(GOOD.replace("score: 0.5", "scor: 0.5")))
        .hasMessageContaining("unknown key 'scor'");
  }

  @Test
  void malformedYamlIsRefusedWithItsLine() {
    assertThatThrownBy(() -> load("version: 1\nrules: [\n  - id: x\n"))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missingFileIsRefused() {
    assertThatThrownBy(() -> loader.load(java.nio.file.Path.of("/no/such/rules.yaml")))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("no such file");
  }
}

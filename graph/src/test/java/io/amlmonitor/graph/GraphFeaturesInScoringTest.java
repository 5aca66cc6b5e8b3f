package io.amlmonitor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.InMemoryNetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Rules read the graph features of the payer as of just before the transaction. */
class GraphFeaturesInScoringTest {
  private static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

  private static final String RING_RULES =
      """
      version: "ring-1"
      rules:
        - id: shared_device_ring
          description: The payer shares a device with other accounts
          condition: graph_shared_identifier_ring_size >= 2
          score: 0.4
          severity: medium
          reason: "Shares a device or IP with {graph_shared_identifier_ring_size:int} accounts"
      """;

  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);

  private TransactionProcessor processor(RuleSet rules) {
    return new TransactionProcessor(
        engine,
        new Scorer(rules, RiskThresholds.DEFAULT),
        new InMemoryAlertRepository(),
        0.9,
        InstantSource.fixed(T0.plusSeconds(3_600)),
        Locale.ENGLISH,
        new NetworkWatch(
            InMemoryTransactionGraph::new,
            new InMemoryNetworkFindingRepository(),
            NetworkWatch.DEFAULT_SCORE));
  }

  private RuleSet rules(String yaml) {
    return new RuleSetLoader(engine.registry(), ZoneOffset.UTC)
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  private static Transaction payment(String id, String customer, String device, int minutes) {
    return Transaction.builder()
        .id(id)
        .timestamp(T0.plusSeconds(60L * minutes))
        .customer(customer)
        .counterparty("SHOP_" + id)
        .deviceId(device)
        .amount(120)
        .build();
  }

  @Test
  void aRuleOnTheRingSizeSeesTheGraphAsOfJustBeforeThePayment() {
    TransactionProcessor p = processor(rules(RING_RULES));
    p.process(payment("T1", "A", "D1", 0));
    p.process(payment("T2", "B", "D1", 1));

    Decision first = p.process(payment("T3", "C", "D1", 2));
    Decision second = p.process(payment("T4", "C", "D1", 3));

    // C had not used D1 before T3, so T3 does not see the ring it joins; T4 does
    assertThat(first.assessment().firedRules()).isEmpty();
    assertThat(first.assessment().features().asMap())
        .containsEntry("graph_shared_identifier_ring_size", 0L);
    assertThat(second.assessment().ruleIds()).containsExactly("shared_device_ring");
    assertThat(second.assessment().features().asMap())
        .containsEntry("graph_shared_identifier_ring_size", 2L);
    assertThat(second.assessment().firedRules().get(0).reason(Locale.ENGLISH))
        .isEqualTo("Shares a device or IP with 2 accounts");
  }

  @Test
  void graphFeaturesAreNotReadForRulesThatDoNotUseThem() {
    RuleSet standard = new RuleSetLoader(engine.registry(), ZoneOffset.UTC).loadDefault();
    TransactionProcessor p = processor(standard);
    p.process(payment("T1", "A", "D1", 0));

    Decision d = p.process(payment("T2", "A", "D1", 1));

    assertThat(GraphFeatures.neededBy(p.scorer())).isFalse();
    assertThat(d.assessment().features().external()).isEmpty();
  }

  @Test
  void theRuleSetKnowsWhichGraphFeaturesItsReasonsRead() {
    RuleSet set =
        rules(
            RING_RULES
                .replace(
                    "condition: graph_shared_identifier_ring_size >= 2", "condition: amount > 0")
                .replace("{graph_shared_identifier_ring_size:int}", "{graph_ip_diversity:int}"));

    assertThat(set.reads("graph_ip_diversity")).isTrue();
    assertThat(set.reads("amount")).isTrue();
    assertThat(set.reads("graph_shared_identifier_ring_size")).isFalse();
  }
}

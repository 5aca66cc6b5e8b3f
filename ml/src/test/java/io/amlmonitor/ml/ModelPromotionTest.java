package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.RiskModel;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promotion, rollback and their history; a serving scorer follows them without a restart. */
class ModelPromotionTest {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  static byte[] first;
  static byte[] second;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    first = TreeRiskModelTest.trainOn(TreeRiskModelTest.NAMES);
    second = TreeRiskModelTest.trainOn(List.of("txn_count_1h", "amount", "night_txn_count_24h"));
  }

  static ModelMetadata metadata(String version, List<String> names) {
    return new ModelMetadata(
        version, T0, names, "is_laundering", "f00d", 3000, Map.of(), 3, 5, 0.2, Map.of());
  }

  ModelRegistry registryWithTwo() {
    ModelRegistry registry = new ModelRegistry(dir);
    registry.save(metadata("gbt-a", TreeRiskModelTest.NAMES), first);
    registry.save(
        metadata("gbt-b", List.of("txn_count_1h", "amount", "night_txn_count_24h")), second);
    return registry;
  }

  @Test
  void promotionsAreRecordedWithWhoAndWhenAndRollbackGoesBackOne() {
    ModelRegistry registry = registryWithTwo();
    assertThat(registry.promoted()).isEmpty();
    registry.promote("gbt-a", "ana", T0);
    registry.promote("gbt-b", "bruno", T0.plusSeconds(60));
    assertThat(registry.promoted()).contains("gbt-b");

    Promotion back = registry.rollback("carla", T0.plusSeconds(120));
    assertThat(back.version()).isEqualTo("gbt-a");
    assertThat(back.replaced()).isEqualTo("gbt-b");
    assertThat(new ModelRegistry(dir).promoted()).as("read back from disk").contains("gbt-a");
    assertThat(registry.promotionHistory())
        .extracting(Promotion::action, Promotion::version, Promotion::by, Promotion::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("promote", "gbt-a", "ana", T0),
            org.assertj.core.groups.Tuple.tuple("promote", "gbt-b", "bruno", T0.plusSeconds(60)),
            org.assertj.core.groups.Tuple.tuple("rollback", "gbt-a", "carla", T0.plusSeconds(120)));
    assertThatThrownBy(() -> registry.rollback("carla", T0.plusSeconds(180)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("gbt-a is the first promoted");
  }

  @Test
  void anUnknownOrAlreadyPromotedVersionIsRefused() {
    ModelRegistry registry = registryWithTwo();
    assertThatThrownBy(() -> registry.promote("gbt-z", "ana", T0))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no model version gbt-z");
    registry.promote("gbt-a", "ana", T0);
    assertThatThrownBy(() -> registry.promote("gbt-a", "ana", T0))
        .hasMessageContaining("already the promoted one");
    assertThatThrownBy(() -> new ModelRegistry(dir.resolve("empty")).rollback("ana", T0))
        .hasMessageContaining("nothing to roll back");
  }

  private static Scorer scorer() {
    return new Scorer(
        new RuleSetLoader(FeatureRegistry.standard(), ZoneOffset.UTC).loadDefault(),
        RiskThresholds.DEFAULT);
  }

  private static Assessment assess(Scorer scorer) {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    Transaction t =
        Transaction.builder()
            .id("T1")
            .timestamp(T0)
            .customer("C1")
            .merchant("M1")
            .amount(2500)
            .build();
    return scorer.assess(t, engine.featuresFor(t));
  }

  @Test
  void aServingScorerFollowsPromotionAndRollbackWithoutRestart() {
    ModelRegistry registry = registryWithTwo();
    Scorer scorer = scorer();
    List<String> failures = new ArrayList<>();
    PromotedModelWatcher watcher = new PromotedModelWatcher(registry, listener(scorer, failures));

    assertThat(watcher.refresh()).isFalse();
    assertThat(assess(scorer).modelScored()).isFalse();

    registry.promote("gbt-a", "ana", T0);
    assertThat(watcher.refresh()).isTrue();
    assertThat(assess(scorer).modelVersion()).isEqualTo("gbt-a");
    assertThat(watcher.refresh()).as("nothing changed").isFalse();

    registry.promote("gbt-b", "ana", T0.plusSeconds(1));
    watcher.refresh();
    assertThat(assess(scorer).modelVersion()).isEqualTo("gbt-b");

    registry.rollback("ana", T0.plusSeconds(2));
    watcher.refresh();
    assertThat(assess(scorer).modelVersion()).isEqualTo("gbt-a");
    assertThat(failures).isEmpty();
  }

  @Test
  void aVersionThatCannotBeLoadedLeavesThePreviousServingAndIsReportedOnce() throws Exception {
    ModelRegistry registry = registryWithTwo();
    Scorer scorer = scorer();
    List<String> failures = new ArrayList<>();
    PromotedModelWatcher watcher = new PromotedModelWatcher(registry, listener(scorer, failures));
    registry.promote("gbt-a", "ana", T0);
    watcher.refresh();
    Files.writeString(dir.resolve("gbt-b").resolve(ModelRegistry.MODEL_FILE), "{broken");
    registry.promote("gbt-b", "ana", T0.plusSeconds(1));
    watcher.refresh();
    watcher.refresh();
    assertThat(assess(scorer).modelVersion()).isEqualTo("gbt-a");
    assertThat(failures).containsExactly("gbt-b");
  }

  @Test
  void theWatchersThreadPicksUpAPromotion() throws Exception {
    ModelRegistry registry = registryWithTwo();
    Scorer scorer = scorer();
    try (PromotedModelWatcher watcher =
        new PromotedModelWatcher(registry, listener(scorer, new ArrayList<>()))
            .start(Duration.ofMillis(10))) {
      registry.promote("gbt-b", "ana", T0);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!scorer.model().map(RiskModel::version).equals(Optional.of("gbt-b"))
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(assess(scorer).modelVersion()).isEqualTo("gbt-b");
      assertThat(watcher.loadedVersion()).isEqualTo("gbt-b");
    }
  }

  static PromotedModelWatcher.Listener listener(Scorer scorer, List<String> failures) {
    return new PromotedModelWatcher.Listener() {
      @Override
      public void changed(Optional<TreeRiskModel> model) {
        model.ifPresentOrElse(scorer::replaceModel, scorer::removeModel);
      }

      @Override
      public void failed(String version, RuntimeException error) {
        failures.add(version);
      }
    };
  }
}

package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.scoring.FeatureContribution;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registered model as the scorer sees it: inputs matched by name, contributions by SHAP. */
class TreeRiskModelTest {
  /** Not the catalogue's order; graph_degree is not in the catalogue (yet). */
  static final List<String> NAMES = List.of("txn_count_1h", "amount", "graph_degree");

  static TreeEnsemble ensemble;
  static TreeRiskModel model;

  @BeforeAll
  static void train() {
    ensemble = TreeEnsemble.fromXgboostJson(trainOn(NAMES));
    model = new TreeRiskModel("gbt-test", NAMES, ensemble);
  }

  static byte[] trainOn(List<String> names) {
    SplittableRandom random = new SplittableRandom(11);
    Dataset.Builder b = Dataset.builder(names);
    for (int i = 0; i < 3000; i++) {
      double count = random.nextInt(10);
      double amount = Math.exp(3 + 5 * random.nextDouble());
      double degree = random.nextInt(30);
      double logit = -4 + 0.4 * count + (amount > 1500 ? 2 : 0) + (degree > 20 ? 1 : 0);
      boolean label = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      b.add(i * 1000L, new double[] {count, amount, degree}, label, null);
    }
    return new XgboostTrainer(1)
        .train(b.build(), new HyperParameters(3, 0.3, 30, 1, 1, 1, 1), 3, 5);
  }

  /** The features of a payment of {@code amount} after {@code earlier} payments in the hour. */
  static FeatureVector features(FeatureEngine engine, int earlier, double amount) {
    Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
    String customer = "C" + earlier + "-" + amount;
    for (int i = 0; i < earlier; i++) {
      engine.ingest(payment(customer + "-" + i, customer, t0.plusSeconds(60L * i), 50));
    }
    return engine.featuresFor(payment(customer + "-x", customer, t0.plusSeconds(3000), amount));
  }

  static Transaction payment(String id, String customer, Instant at, double amount) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer(customer)
        .merchant("M1")
        .amount(amount)
        .build();
  }

  @Test
  void readsInputsByNameAndTreatsUnknownFeaturesAsMissing() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    for (int earlier : new int[] {0, 3, 8}) {
      for (double amount : new double[] {20, 900, 4000}) {
        FeatureVector v = features(engine, earlier, amount);
        assertThat(v.get("txn_count_1h")).isEqualTo(earlier);
        assertThat(model.probability(v, amount))
            .as("%d earlier, amount %s", earlier, amount)
            .isEqualTo(ensemble.predict(new double[] {earlier, amount, Double.NaN}));
      }
    }
  }

  @Test
  void contributionsSumToTheMarginStrongestUpwardFirst() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    FeatureVector v = features(engine, 8, 4000);
    List<FeatureContribution> contributions = model.contributions(v, 4000);
    double sum = new TreeShap(ensemble).bias();
    for (FeatureContribution c : contributions) {
      sum += c.contribution();
    }
    assertThat(sum).isCloseTo(ensemble.margin(new double[] {8, 4000, Double.NaN}), within(1e-5));
    assertThat(contributions)
        .extracting(FeatureContribution::contribution)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(contributions.get(0).contribution()).isPositive();
    FeatureContribution amount =
        contributions.stream().filter(c -> c.feature().equals("amount")).findFirst().orElseThrow();
    assertThat(amount.value()).isEqualTo(4000);
  }

  @Test
  void theStrongestContributionsAreTheFirstUpwardOnesOfTheWholeList() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    for (int earlier : new int[] {0, 3, 8}) {
      for (double amount : new double[] {20, 900, 4000}) {
        FeatureVector v = features(engine, earlier, amount);
        List<FeatureContribution> upward =
            model.contributions(v, amount).stream().filter(c -> c.contribution() > 0).toList();
        for (int limit = 0; limit <= 4; limit++) {
          assertThat(model.strongestContributions(v, amount, limit))
              .as("%d earlier, amount %s, limit %d", earlier, amount, limit)
              .isEqualTo(upward.subList(0, Math.min(limit, upward.size())));
        }
      }
    }
  }

  @Test
  void aModelWhoseNamesDoNotMatchItsTreesIsRefused() {
    assertThatThrownBy(() -> new TreeRiskModel("v", List.of("amount"), ensemble))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("names 1 features but its trees read 3");
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.FeatureContribution;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.ml.Dataset;
import io.amlmonitor.ml.HyperParameters;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.TreeEnsemble;
import io.amlmonitor.ml.TreeRiskModel;
import io.amlmonitor.ml.XgboostTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The model on the live path, per transaction, in sampled latency: {@code scoreAndExplain} is what
 * a decision at or above MEDIUM costs the model (the row read by name from a real feature vector,
 * the probability, every SHAP contribution, sorted), {@code scoreAndExplainStrongest} the part of
 * it the scorer keeps (the probability and the three strongest upward contributions), {@code
 * assess} the whole {@link Scorer} (rules and model, SHAP only where the level reaches MEDIUM). The
 * model is a registered version ({@code -p models=DIR -p version=V}) or, by default, one trained at
 * setup on the scenario's own feature vectors ({@code -p trees=400 -p depth=4}: the shape of the
 * model in docs/model.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ModelScoringBenchmark {
  private static final int SIZE = 1 << 14;

  /** Transactions with their features, a scorer with the model, cycled. */
  @State(Scope.Thread)
  public static class Scored {
    @Param("20000")
    int customers;

    @Param("400")
    int trees;

    @Param("4")
    int depth;

    /** A model registry; empty: train a model at setup. */
    @Param("")
    String models;

    @Param("")
    String version;

    TreeRiskModel model;
    Scorer scorer;
    Transaction[] transactions;
    FeatureVector[] features;
    int cursor;

    @Setup(Level.Trial)
    public void prepare() {
      Scenario scenario = Scenario.generate(customers, 1, SIZE);
      FeatureEngine engine = scenario.loadedEngine();
      transactions = scenario.stream;
      features = new FeatureVector[SIZE];
      for (int i = 0; i < SIZE; i++) {
        features[i] = engine.featuresFor(transactions[i]);
        engine.ingest(transactions[i]);
      }
      if (models.isEmpty()) {
        List<String> names = new ArrayList<>();
        names.add(TreeRiskModel.AMOUNT);
        names.addAll(engine.registry().names());
        byte[] json =
            new XgboostTrainer(2)
                .train(
                    labelled(names),
                    new HyperParameters(depth, 0.1, trees, 1, 0.8, 0.8, 1),
                    20,
                    42);
        model = new TreeRiskModel("bench", names, TreeEnsemble.fromXgboostJson(json));
      } else {
        model = TreeRiskModel.of(new ModelRegistry(Path.of(models)).load(version));
      }
      scorer = Scenario.scorer(engine);
      scorer.replaceModel(model);
      int medium = 0;
      for (int i = 0; i < SIZE; i++) {
        medium += scorer.assess(transactions[i], features[i]).contributions().isEmpty() ? 0 : 1;
      }
      System.out.printf(
          "%n[%d trees, %d inputs; %,d of %,d transactions at MEDIUM or above]%n",
          model.ensemble().treeCount(), model.featureNames().size(), medium, SIZE);
    }

    /** The scenario's rows, labelled by a noisy rule over a few features so the trees split. */
    private Dataset labelled(List<String> names) {
      SplittableRandom random = new SplittableRandom(7);
      Dataset.Builder b = Dataset.builder(names);
      for (int i = 0; i < SIZE; i++) {
        double[] x = new double[names.size()];
        x[0] = transactions[i].amount().toDouble();
        for (int j = 1; j < x.length; j++) {
          x[j] = features[i].get(j - 1);
        }
        double logit =
            -4
                + x[0] / 2000
                + 0.3 * features[i].get("txn_count_1h")
                + 0.5 * features[i].get("night_txn_count_24h")
                + random.nextGaussian();
        b.add(transactions[i].timestamp().toEpochMilli(), x, logit > 0, null);
      }
      return b.build();
    }

    int next() {
      int i = cursor;
      cursor = (cursor + 1) & (SIZE - 1);
      return i;
    }
  }

  @Benchmark
  public List<FeatureContribution> scoreAndExplain(Scored s) {
    int i = s.next();
    double amount = s.transactions[i].amount().toDouble();
    double p = s.model.probability(s.features[i], amount);
    List<FeatureContribution> c = s.model.contributions(s.features[i], amount);
    return p >= 0 ? c : null;
  }

  /** What the scorer asks of the model from MEDIUM up: the probability and the strongest three. */
  @Benchmark
  public List<FeatureContribution> scoreAndExplainStrongest(Scored s) {
    int i = s.next();
    double amount = s.transactions[i].amount().toDouble();
    double p = s.model.probability(s.features[i], amount);
    List<FeatureContribution> c =
        s.model.strongestContributions(s.features[i], amount, Scorer.TOP_CONTRIBUTIONS);
    return p >= 0 ? c : null;
  }

  @Benchmark
  public Assessment assess(Scored s) {
    int i = s.next();
    return s.scorer.assess(s.transactions[i], s.features[i]);
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.ml.Dataset;
import io.amlmonitor.ml.HyperParameters;
import io.amlmonitor.ml.ShapTable;
import io.amlmonitor.ml.TreeEnsemble;
import io.amlmonitor.ml.TreeShap;
import io.amlmonitor.ml.XgboostTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * The pure-Java tree evaluator ({@link TreeEnsemble#predict}) and TreeSHAP ({@link
 * TreeShap#contributions}, and the same by table: {@link ShapTable#contributions}) per row, in
 * sampled latency. The model is a registered {@code model.json} ({@code -p modelFile=...}) or, by
 * default, XGBoost's default-shaped booster (200 trees of depth 6) trained at setup on 20,000
 * synthetic rows of 89 features, the width of {@code aml train}'s rows.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ModelBenchmark {
  private static final int FEATURES = 89;
  private static final int ROWS = 4096;

  /** A model and rows to score, cycled. */
  @State(Scope.Thread)
  public static class Model {
    /** A registered model.json; empty: train one at setup. */
    @Param("")
    String modelFile;

    TreeEnsemble model;
    TreeShap shap;
    ShapTable table;
    double[][] rows;
    int cursor;

    @Setup(Level.Trial)
    public void load() {
      byte[] json;
      if (modelFile.isEmpty()) {
        json =
            new XgboostTrainer(1).train(synthetic(20_000, 1), HyperParameters.defaults(), 50, 42);
      } else {
        try {
          json = Files.readAllBytes(Path.of(modelFile));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      model = TreeEnsemble.fromXgboostJson(json);
      shap = new TreeShap(model);
      table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET);
      Dataset sample = synthetic(ROWS, 2);
      rows = new double[ROWS][];
      for (int i = 0; i < ROWS; i++) {
        rows[i] = sample.row(i);
      }
      System.out.printf("%n[%d trees, %d features]%n", model.treeCount(), model.featureCount());
    }

    double[] next() {
      double[] row = rows[cursor];
      cursor = (cursor + 1) & (ROWS - 1);
      return row;
    }
  }

  @Benchmark
  public double predict(Model m) {
    return m.model.predict(m.next());
  }

  @Benchmark
  public double[] shap(Model m) {
    return m.shap.contributions(m.next());
  }

  /** The same values as {@link #shap}, from per-leaf tables. */
  @Benchmark
  public double[] shapTable(Model m) {
    return m.table.contributions(m.next());
  }

  /** Heavy-tailed amounts and counts; a rare label from a few of them, with noise. */
  static Dataset synthetic(int n, long seed) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < FEATURES; j++) {
      names.add("f" + j);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Dataset.Builder b = Dataset.builder(names);
    for (int i = 0; i < n; i++) {
      double[] x = new double[FEATURES];
      for (int j = 0; j < FEATURES; j++) {
        x[j] = j % 3 == 0 ? random.nextInt(20) : Math.exp(4 + 3 * random.nextDouble());
      }
      double logit = -5 + 0.3 * x[0] + (x[1] > 1500 ? 2 : 0) + 0.2 * x[3] + random.nextGaussian();
      b.add(i, x, logit > 0, null);
    }
    return b.build();
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Scorer;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rule scoring alone ({@link Scorer#assess} on feature vectors computed beforehand) and the whole
 * use case ({@link TransactionProcessor#process}: read, score, ingest, alert), in throughput and in
 * sampled latency.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ScoringBenchmark {

  /** Transactions with the features the live path computed for them, scored over and over. */
  @State(Scope.Thread)
  public static class Precomputed {
    private static final int SIZE = 1 << 16;

    @Param("100000")
    int customers;

    Scorer scorer;
    Transaction[] transactions;
    FeatureVector[] features;
    int cursor;

    @Setup(Level.Trial)
    public void compute() {
      Scenario scenario = Scenario.generate(customers, 1, SIZE);
      System.out.println("\n" + scenario.describe());
      FeatureEngine engine = scenario.loadedEngine();
      scorer = Scenario.scorer(engine);
      transactions = scenario.stream;
      features = new FeatureVector[SIZE];
      int fired = 0;
      for (int i = 0; i < SIZE; i++) {
        features[i] = engine.featuresFor(transactions[i]);
        engine.ingest(transactions[i]);
        fired += scorer.assess(transactions[i], features[i]).firedRules().isEmpty() ? 0 : 1;
      }
      System.out.printf("[%,d of %,d transactions fire at least one rule]%n", fired, SIZE);
    }
  }

  /** A processor over an engine loaded with a day of history, and the stream that follows. */
  @State(Scope.Thread)
  public static class Live {
    @Param("100000")
    int customers;

    /** Enough for a 2 s iteration at 500,000 transactions a second. */
    @Param("1000000")
    int streamSize;

    Scenario scenario;
    TransactionProcessor processor;
    int cursor;

    @Setup(Level.Trial)
    public void generate() {
      scenario = Scenario.generate(customers, 1, streamSize);
      System.out.println("\n" + scenario.describe());
    }

    @Setup(Level.Iteration)
    public void load() {
      processor = null;
      processor = Scenario.processor(scenario.loadedEngine());
      cursor = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
      System.out.printf("%n[processed %,d, alerts %,d]%n", cursor, processor.alerts().count());
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Assessment assess(Precomputed s) {
    int i = s.cursor++ & (Precomputed.SIZE - 1);
    return s.scorer.assess(s.transactions[i], s.features[i]);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Decision process(Live s) {
    return s.processor.process(s.scenario.streamAt(s.cursor++));
  }
}

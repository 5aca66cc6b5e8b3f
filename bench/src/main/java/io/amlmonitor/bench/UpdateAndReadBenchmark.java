package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the live path does to the feature engine per transaction: read the full vector as of the
 * transaction's time, then add the transaction to the windows. Scoring is left out (see {@link
 * ScoringBenchmark}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class UpdateAndReadBenchmark {
  @Param("100000")
  int customers;

  @Param("1")
  double historyDays;

  /** Enough for a 2 s iteration at 1 million transactions a second. */
  @Param("2000000")
  int streamSize;

  private Scenario scenario;
  private FeatureEngine engine;
  private int cursor;

  @Setup(Level.Trial)
  public void generate() {
    scenario = Scenario.generate(customers, historyDays, streamSize);
    System.out.println("\n" + scenario.describe());
  }

  @Setup(Level.Iteration)
  public void load() {
    engine = null;
    engine = scenario.loadedEngine();
    cursor = 0;
  }

  @Benchmark
  public Placement readThenIngest(Blackhole bh) {
    Transaction t = scenario.streamAt(cursor++);
    bh.consume(engine.featuresFor(t));
    return engine.ingest(t);
  }
}

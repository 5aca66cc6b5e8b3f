package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of {@link FeatureEngine#ingest} on one thread, with {@code customers} active customers
 * whose history of {@code historyDays} is already in the windows.
 *
 * <p>The customer side keeps seven days (the longest customer window, {@code weekend_txn_count_7d})
 * plus the allowed lateness, so {@code historyDays=7} is the steady state of a running service and
 * {@code historyDays=1} a service one day after start.
 *
 * <p>{@link #ingest} takes one payment at a time; {@link #ingestAll} takes them in batches of
 * {@value #BATCH} through {@link FeatureEngine#ingestAll}, as a consumer that polls a topic or
 * drains a queue would. Both report payments per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class FeatureUpdateBenchmark {
  /** Payments per {@link FeatureEngine#ingestAll} call. */
  static final int BATCH = 64;

  @Param("100000")
  int customers;

  @Param({"1", "7"})
  double historyDays;

  /** Enough for a 2 s iteration at 1.5 million ingests a second. */
  @Param("3000000")
  int streamSize;

  private Scenario scenario;
  private List<Transaction> streamList;
  private FeatureEngine engine;
  private int cursor;

  @Setup(Level.Trial)
  public void generate() {
    scenario = Scenario.generate(customers, historyDays, streamSize);
    streamList = Arrays.asList(scenario.stream);
    System.out.println("\n" + scenario.describe());
  }

  @Setup(Level.Iteration)
  public void load() {
    engine = null;
    engine = scenario.loadedEngine();
    cursor = 0;
  }

  @TearDown(Level.Iteration)
  public void report() {
    System.out.printf(
        "%n[ingested %,d (%,d accepted, %,d late); %,d customers and %,d merchants with state]%n",
        cursor,
        engine.acceptedCount() - scenario.history.length,
        engine.lateCount(),
        engine.entityCount(EntityType.CUSTOMER),
        engine.entityCount(EntityType.MERCHANT));
  }

  @Benchmark
  public Placement ingest() {
    return engine.ingest(scenario.streamAt(cursor++));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Placement> ingestAll() {
    int from = cursor;
    cursor += BATCH;
    scenario.streamAt(cursor - 1); // fails clearly when the stream runs out
    return engine.ingestAll(streamList.subList(from, cursor));
  }
}

package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Incremental updates of the in-memory relationship graph on one thread: {@link #add} enters a
 * transaction (its money edge, and a used-IP and a used-device edge: three edge updates per
 * operation); {@link #record} enters it and runs every network detector from it, the live path's
 * cost per transaction; {@link #measures} reads one payer's graph features.
 *
 * <p>The stream (fixed seed) has {@code accounts} accounts over 30 days; 80 % of transactions are
 * transfers (a third of them to a recent counterparty again), 20 % card payments to one of 2,000
 * merchants; each account has one of {@code accounts / 4} IP addresses and devices. The graph
 * starts each iteration holding the first half of the stream, so updates hit a graph of realistic
 * size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class GraphUpdateBenchmark {
  @Param("100000")
  int accounts;

  @Param("2000000")
  int streamSize;

  private Transaction[] stream;
  private InMemoryTransactionGraph graph;
  private int cursor;

  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom r = new SplittableRandom(7);
    stream = new Transaction[streamSize];
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    long span = 30L * 86_400_000;
    int[] lastCounterparty = new int[accounts];
    for (int i = 0; i < streamSize; i++) {
      int payer = r.nextInt(accounts);
      Transaction.Builder b =
          Transaction.builder()
              .id("T" + i)
              .timestamp(start.plusMillis(span * i / streamSize))
              .customer("A" + payer)
              .amount(1 + r.nextInt(500_000) / 100.0)
              .ipAddress("ip-" + (payer * 7 + r.nextInt(2)) % (accounts / 4))
              .deviceId("dev-" + payer % (accounts / 4));
      if (r.nextInt(10) < 8) {
        int to = r.nextInt(3) == 0 ? lastCounterparty[payer] : r.nextInt(accounts);
        lastCounterparty[payer] = to;
        b.counterparty("A" + to);
      } else {
        b.merchant("M" + r.nextInt(2_000));
      }
      stream[i] = b.build();
    }
  }

  @Setup(Level.Iteration)
  public void load() {
    graph = new InMemoryTransactionGraph();
    for (int i = 0; i < streamSize / 2; i++) {
      graph.add(stream[i]);
    }
    cursor = streamSize / 2;
    // the sampled betweenness is estimated once here, not inside the first measured call
    graph.measures(stream[0].customerId().value());
  }

  @TearDown(Level.Iteration)
  public void report() {
    System.out.printf("%n[graph: %,d nodes, %,d edges]%n", graph.nodeCount(), graph.edgeCount());
  }

  private Transaction next() {
    if (cursor == streamSize) {
      cursor = streamSize / 2;
    }
    return stream[cursor++];
  }

  @Benchmark
  public void add() {
    graph.add(next());
  }

  @Benchmark
  public Object record() {
    return graph.record(next());
  }

  /**
   * The payer's graph features as rules and the model read them ({@code GraphFeatures}): what a
   * transaction costs on top of {@link #record} when they are used. The graph does not grow here,
   * so the betweenness estimate (redone when the graph has grown by a tenth) is not in it.
   */
  @Benchmark
  public Object measures() {
    return graph.measures(next().customerId().value());
  }
}

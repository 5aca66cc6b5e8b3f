package io.amlmonitor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bidirectional cycle search against a brute-force oracle: on random small transfer graphs
 * (fixed seeds), a cycle is reported exactly when an exhaustive search over every simple path finds
 * one of at most six hops through the new transfer, with every edge in the window and carrying the
 * same money as the graph defines it: the pair's amounts span the tolerance band and one fell in
 * the band's amount buckets.
 */
class CycleDetectorOracleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final DetectionLimits LIMITS =
      new DetectionLimits(Duration.ofDays(10), 6, 1_000, 1_000, 1_000, 1_000, 0.2, 1_000_000);

  /** One transfer as the oracle sees it. */
  private record Edge(int from, int to, long cents, long day) {}

  @Test
  void reportsACycleExactlyWhenExhaustiveSearchFindsOne() {
    int agreed = 0;
    int cycles = 0;
    for (long seed = 1; seed <= 300; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      int nodes = 4 + r.nextInt(10);
      InMemoryTransactionGraph graph = new InMemoryTransactionGraph(LIMITS);
      List<Edge> history = new ArrayList<>();
      int steps = 5 + r.nextInt(30);
      for (int i = 0; i < steps; i++) {
        int from = r.nextInt(nodes);
        int to = r.nextInt(nodes);
        if (from == to) {
          continue;
        }
        long cents = (r.nextBoolean() ? 100_00 : 100_00 + r.nextInt(10_000_00));
        long day = i;
        Edge e = new Edge(from, to, cents, day);
        history.add(e);
        List<NetworkFinding> found =
            graph.record(
                Transaction.builder()
                    .id(seed + "-" + i)
                    .timestamp(T0.plus(Duration.ofDays(day)))
                    .customer("N" + from)
                    .counterparty("N" + to)
                    .amount(cents / 100.0)
                    .build());
        boolean reported = found.stream().anyMatch(f -> f.typology() == NetworkTypology.CYCLE);
        boolean exists = oracle(history, e);
        assertThat(reported).as("seed %d step %d", seed, i).isEqualTo(exists);
        agreed++;
        cycles += exists ? 1 : 0;
      }
    }
    assertThat(cycles).as("the random graphs hold cycles to find").isGreaterThan(50);
    assertThat(agreed).isGreaterThan(3_000);
  }

  /**
   * Whether a simple path of at most five matching transfers leads from e's receiver to its payer.
   */
  private static boolean oracle(List<Edge> history, Edge trigger) {
    long low = LIMITS.low(trigger.cents());
    long high = LIMITS.high(trigger.cents());
    long since = trigger.day() - 10;
    List<long[]> edges = new ArrayList<>();
    AmountBuckets buckets = new AmountBuckets(LIMITS.amountTolerance());
    long band = buckets.bits(low, high);
    // Per pair: smallest and largest amount, last day, and the buckets its amounts fell in.
    Map<Long, long[]> pairs = new HashMap<>();
    for (Edge e : history) {
      long key = (long) e.from() << 32 | e.to();
      long[] agg =
          pairs.computeIfAbsent(key, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0});
      agg[0] = Math.min(agg[0], e.cents());
      agg[1] = Math.max(agg[1], e.cents());
      agg[2] = Math.max(agg[2], e.day());
      agg[3] |= buckets.bit(e.cents());
    }
    pairs.forEach(
        (k, agg) -> {
          if (agg[2] >= since && agg[1] >= low && agg[0] <= high && (agg[3] & band) != 0) {
            edges.add(new long[] {k >>> 32, k & 0xFFFFFFFFL});
          }
        });
    return dfs(edges, trigger.to(), trigger.from(), new HashSet<>(List.of(trigger.to())), 0);
  }

  private static boolean dfs(
      List<long[]> edges, int at, int target, Set<Integer> onPath, int hops) {
    if (hops == 5) {
      return false;
    }
    for (long[] e : edges) {
      if (e[0] != at) {
        continue;
      }
      int next = (int) e[1];
      if (next == target) {
        return true;
      }
      if (onPath.add(next)) {
        if (dfs(edges, next, target, onPath, hops + 1)) {
          return true;
        }
        onPath.remove(next);
      }
    }
    return false;
  }
}

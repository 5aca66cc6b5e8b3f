package io.amlmonitor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.NodeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The clustering coefficient, which scans small neighbours' edges and looks up only pairs of hubs,
 * equals asking the edge index about every pair, on random graphs with hubs (fixed seeds).
 */
class ClusteringOracleTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void equalsAPairByPairCountOnRandomGraphsWithHubs() {
    for (long seed = 1; seed <= 30; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      InMemoryTransactionGraph graph = new InMemoryTransactionGraph();
      int accounts = 20 + random.nextInt(200);
      int merchants = 1 + random.nextInt(10);
      int transactions = random.nextInt(6_000);
      for (int i = 0; i < transactions; i++) {
        // a few busy payers, so some accounts pass the 64 newest counterparties
        int from = random.nextInt(10) == 0 ? random.nextInt(5) : random.nextInt(accounts);
        Transaction.Builder t =
            Transaction.builder()
                .id("T" + i)
                .timestamp(T0.plusSeconds(i))
                .customer("A" + from)
                .amount(10 + random.nextInt(1000));
        if (random.nextInt(3) == 0) {
          t.merchant("M" + random.nextInt(merchants));
        } else {
          t.counterparty("A" + random.nextInt(accounts));
        }
        graph.add(t.build());
      }
      AdjacencyGraph g = graph.adjacency();
      GraphMeasurer measurer = new GraphMeasurer(g, 4096);
      for (int a = 0; a < accounts; a++) {
        int n = g.find(NodeKind.ACCOUNT, "A" + a);
        if (n < 0) {
          continue;
        }
        Set<Integer> counterparties = measurer.counterparties(n);
        assertThat(measurer.clustering(n, counterparties))
            .as("seed %d, account A%d", seed, a)
            .isEqualTo(pairByPair(g, counterparties));
      }
    }
  }

  private static double pairByPair(AdjacencyGraph g, Set<Integer> counterparties) {
    List<Integer> nb = new ArrayList<>(counterparties);
    int k = Math.min(nb.size(), GraphMeasurer.MAX_NEIGHBOURS);
    if (k < 2) {
      return 0;
    }
    long links = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (g.edge(nb.get(i), nb.get(j)) >= 0 || g.edge(nb.get(j), nb.get(i)) >= 0) {
          links++;
        }
      }
    }
    return links / (k * (k - 1) / 2.0);
  }
}

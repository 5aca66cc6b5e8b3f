package io.amlmonitor.jdbc;

import static io.amlmonitor.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.graph.EdgeKind;
import io.amlmonitor.core.graph.GraphEdge;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link NetworkFindingRepository} must do, in memory and in each database. */
abstract class NetworkFindingRepositoryContract {
  abstract NetworkFindingRepository emptyRepository();

  static NetworkFinding cycle(String transaction) {
    GraphNode a = GraphNode.account("A");
    GraphNode b = GraphNode.account("B");
    Subgraph s =
        new Subgraph(
            List.of(a, b, new GraphNode(NodeKind.DEVICE, "dev-1")),
            List.of(
                new GraphEdge(EdgeKind.TRANSFER, a, b, 2, 150_00, T0, T0.plusSeconds(60)),
                new GraphEdge(EdgeKind.TRANSFER, b, a, 1, 140_00, T0, T0)));
    return new NetworkFinding(
        NetworkTypology.CYCLE,
        TransactionId.of(transaction),
        CustomerId.of("B"),
        T0,
        s,
        "money returned to B through 2 hops: B → A → B");
  }

  @Test
  void keepsTheSubgraphAndTheFirstFindingOfATransactionAndTypology() {
    NetworkFindingRepository repo = emptyRepository();
    assertThat(repo.saveAll(List.of(cycle("T1"), cycle("T2")))).isEqualTo(2);
    assertThat(repo.saveAll(List.of(cycle("T1")))).isZero();

    assertThat(repo.forTransaction(TransactionId.of("T1"))).containsExactly(cycle("T1"));
    assertThat(repo.forTransaction(TransactionId.of("T3"))).isEmpty();
    List<NetworkFinding> all = new ArrayList<>();
    repo.forEach(all::add);
    assertThat(all).containsExactly(cycle("T1"), cycle("T2"));
    assertThat(all.get(0).subgraph().accounts()).containsExactly("A", "B");
  }
}

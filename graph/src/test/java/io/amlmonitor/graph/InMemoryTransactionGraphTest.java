package io.amlmonitor.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.graph.EdgeKind;
import io.amlmonitor.core.graph.GraphMeasures;
import io.amlmonitor.core.graph.GraphNode;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.core.graph.NodeKind;
import io.amlmonitor.core.graph.Subgraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryTransactionGraphTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private int ids;
  private final InMemoryTransactionGraph graph = new InMemoryTransactionGraph();

  private Transaction transfer(String from, String to, double amount, Duration after) {
    return Transaction.builder()
        .id("T" + ids++)
        .timestamp(T0.plus(after))
        .customer(from)
        .counterparty(to)
        .amount(amount)
        .build();
  }

  private List<NetworkFinding> of(List<NetworkFinding> all, NetworkTypology t) {
    return all.stream().filter(f -> f.typology() == t).toList();
  }

  @Test
  void aggregatesTransfersPerPairWithCountSumAndTimes() {
    graph.add(transfer("A", "B", 10, Duration.ofHours(2)));
    graph.add(transfer("A", "B", 5, Duration.ofHours(1)));
    Subgraph s = graph.neighbourhood(GraphNode.account("A"), 1, 10);
    assertThat(s.edges())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EdgeKind.TRANSFER);
              assertThat(e.count()).isEqualTo(2);
              assertThat(e.amountCents()).isEqualTo(1500);
              assertThat(e.first()).isEqualTo(T0.plus(Duration.ofHours(1)));
              assertThat(e.last()).isEqualTo(T0.plus(Duration.ofHours(2)));
            });
    assertThat(graph.nodeCount()).isEqualTo(2);
  }

  @Test
  void moneyReturningThroughThreeHopsIsACycleWithItsPathAndTransfers() {
    graph.record(transfer("A", "B", 1000, Duration.ofDays(1)));
    graph.record(transfer("B", "C", 950, Duration.ofDays(2)));
    List<NetworkFinding> found = graph.record(transfer("C", "A", 930, Duration.ofDays(3)));
    NetworkFinding cycle = of(found, NetworkTypology.CYCLE).get(0);
    assertThat(cycle.detail()).contains("through 3 hops: C → A → B → C");
    assertThat(cycle.subgraph().accounts()).containsExactlyInAnyOrder("A", "B", "C");
    assertThat(cycle.subgraph().edges()).hasSize(3);
    assertThat(cycle.customerId().value()).isEqualTo("C");
  }

  @Test
  void aCycleOfTwoHopsIsFoundAndOneOfSevenIsNot() {
    graph.record(transfer("A", "B", 100, Duration.ofDays(1)));
    assertThat(of(graph.record(transfer("B", "A", 100, Duration.ofDays(2))), NetworkTypology.CYCLE))
        .hasSize(1);
    for (int i = 0; i < 6; i++) {
      graph.record(transfer("L" + i, "L" + (i + 1), 100, Duration.ofDays(1)));
    }
    assertThat(
            of(graph.record(transfer("L6", "L0", 100, Duration.ofDays(2))), NetworkTypology.CYCLE))
        .isEmpty();
  }

  @Test
  void aCycleOutsideTheWindowOrOfOtherMoneyIsNotFound() {
    graph.record(transfer("A", "B", 1000, Duration.ofDays(0)));
    graph.record(transfer("B", "C", 1000, Duration.ofDays(1)));
    assertThat(
            of(graph.record(transfer("C", "A", 1000, Duration.ofDays(40))), NetworkTypology.CYCLE))
        .isEmpty();
    graph.record(transfer("X", "Y", 1000, Duration.ofDays(50)));
    graph.record(transfer("Y", "Z", 100, Duration.ofDays(50)));
    assertThat(
            of(graph.record(transfer("Z", "X", 1000, Duration.ofDays(51))), NetworkTypology.CYCLE))
        .isEmpty();
  }

  @Test
  void theFifthDistinctSenderMakesAFanInAndTheFifthReceiverAFanOut() {
    for (int i = 0; i < 4; i++) {
      assertThat(graph.record(transfer("S" + i, "HUB", 500, Duration.ofHours(i)))).isEmpty();
    }
    NetworkFinding fanIn =
        of(graph.record(transfer("S4", "HUB", 500, Duration.ofHours(5))), NetworkTypology.FAN_IN)
            .get(0);
    assertThat(fanIn.subgraph().accounts()).hasSize(6).contains("HUB", "S0", "S4");
    for (int i = 0; i < 4; i++) {
      graph.record(transfer("P", "R" + i, 500, Duration.ofHours(i)));
    }
    assertThat(
            of(
                graph.record(transfer("P", "R4", 500, Duration.ofHours(5))),
                NetworkTypology.FAN_OUT))
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).isEqualTo("P paid 5 accounts within the window"));
  }

  @Test
  void aHubGatheringFromManyAndPayingManyIsGatherScatter() {
    for (int i = 0; i < 5; i++) {
      graph.record(transfer("IN" + i, "HUB", 200, Duration.ofHours(i)));
    }
    List<NetworkFinding> found = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      found.addAll(graph.record(transfer("HUB", "OUT" + i, 200, Duration.ofHours(10 + i))));
    }
    assertThat(of(found, NetworkTypology.GATHER_SCATTER))
        .singleElement()
        .satisfies(f -> assertThat(f.subgraph().accounts()).hasSize(11));
  }

  @Test
  void oneSourceThroughThreeIntermediariesIntoOneAccountIsScatterGather() {
    List<NetworkFinding> found = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      found.addAll(graph.record(transfer("SRC", "M" + i, 300, Duration.ofHours(i))));
      found.addAll(graph.record(transfer("M" + i, "DST", 290, Duration.ofHours(5 + i))));
    }
    NetworkFinding sg = of(found, NetworkTypology.SCATTER_GATHER).get(0);
    assertThat(sg.subgraph().accounts()).containsExactlyInAnyOrder("SRC", "M0", "M1", "M2", "DST");
    assertThat(sg.subgraph().edges()).hasSize(6);
  }

  @Test
  void theSameMoneyPassedAlongFourAccountsIsAPassThroughChain() {
    graph.record(transfer("A", "B", 1000, Duration.ofHours(1)));
    graph.record(transfer("B", "C", 990, Duration.ofHours(2)));
    List<NetworkFinding> found = graph.record(transfer("C", "D", 980, Duration.ofHours(3)));
    assertThat(of(found, NetworkTypology.PASS_THROUGH))
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).endsWith("4 accounts: A → B → C → D"));
    assertThat(
            of(
                graph.record(transfer("X", "Y", 5, Duration.ofHours(3))),
                NetworkTypology.PASS_THROUGH))
        .isEmpty();
  }

  @Test
  void threeCustomersOnOneDeviceAreARing() {
    List<NetworkFinding> found = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      found.addAll(
          graph.record(
              Transaction.builder()
                  .id("D" + i)
                  .timestamp(T0.plusSeconds(i))
                  .customer("C" + i)
                  .merchant("SHOP")
                  .amount(10)
                  .deviceId("dev-1")
                  .ipAddress("10.0.0." + i)
                  .build()));
    }
    NetworkFinding ring = of(found, NetworkTypology.SHARED_IDENTIFIER_RING).get(0);
    assertThat(ring.detail()).isEqualTo("3 customers used device dev-1 within the window");
    assertThat(ring.subgraph().accounts()).containsExactlyInAnyOrder("C0", "C1", "C2");
    GraphMeasures m = graph.measures("C0");
    assertThat(m.ringSize()).isEqualTo(2);
    assertThat(m.ipDiversity()).isEqualTo(1);
  }

  @Test
  void neighbourhoodReachesTwoHopsInBothDirectionsWithIdentifiers() {
    graph.add(transfer("A", "B", 10, Duration.ZERO));
    graph.add(transfer("B", "C", 10, Duration.ZERO));
    graph.add(transfer("C", "D", 10, Duration.ZERO));
    graph.add(transfer("Z", "A", 10, Duration.ZERO));
    Subgraph s = graph.neighbourhood(GraphNode.account("B"), 2, 100);
    assertThat(s.accounts()).containsExactlyInAnyOrder("A", "B", "C", "D", "Z");
    assertThat(graph.neighbourhood(GraphNode.account("B"), 1, 100).accounts())
        .containsExactlyInAnyOrder("A", "B", "C");
    assertThat(graph.neighbourhood(new GraphNode(NodeKind.IP, "nowhere"), 2, 10))
        .isEqualTo(Subgraph.EMPTY);
  }

  @Test
  void measuresDegreeClusteringAndFlaggedShare() {
    graph.add(transfer("A", "B", 10, Duration.ZERO));
    graph.add(transfer("A", "C", 10, Duration.ZERO));
    graph.add(transfer("B", "C", 10, Duration.ZERO));
    graph.add(transfer("A", "D", 10, Duration.ZERO));
    graph.flag("D");
    GraphMeasures a = graph.measures("A");
    assertThat(a.degreeCentrality()).isEqualTo(1.0);
    assertThat(a.clusteringCoefficient()).isEqualTo(1.0 / 3);
    assertThat(a.flaggedCounterpartyShare()).isEqualTo(1.0 / 3);
    assertThat(graph.measures("unknown")).isEqualTo(GraphMeasures.NONE);
  }

  @Test
  void aStarWiderThanTheVisitBoundIsReadOnlyUpToIt() {
    InMemoryTransactionGraph bounded =
        new InMemoryTransactionGraph(
            new DetectionLimits(Duration.ofDays(30), 6, 5, 3, 4, 3, 0.2, 16));
    for (int i = 0; i < 100; i++) {
      bounded.add(transfer("S" + i, "HUB", 10, Duration.ofMinutes(i)));
    }
    NetworkFinding f =
        of(bounded.record(transfer("NEW", "HUB", 10, Duration.ofHours(3))), NetworkTypology.FAN_IN)
            .get(0);
    assertThat(f.subgraph().accounts()).hasSize(17);
  }
}

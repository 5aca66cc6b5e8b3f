package io.amlmonitor.jdbc;

import static io.amlmonitor.jdbc.TestData.T0;
import static io.amlmonitor.jdbc.TestData.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.AlertQuery;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertRepository} must do: run against the in-memory repository and each
 * database, so the durable one cannot drift from the reference.
 */
abstract class AlertRepositoryContract {
  /** A repository with no alerts in it. */
  abstract AlertRepository emptyRepository();

  @Test
  void keepsEveryFieldAndTheFirstAlertOfATransaction() {
    AlertRepository alerts = emptyRepository();
    Alert first = alert("A1", "T1", "C1", RiskLevel.HIGH, "large_amount", "night");
    Alert bare =
        new Alert(
            "A2",
            TransactionId.of("T2"),
            CustomerId.of("C2"),
            null,
            null,
            null,
            T0,
            0.5,
            RiskLevel.MEDIUM,
            List.of(),
            List.of(),
            null);

    assertThat(alerts.save(first)).isTrue();
    assertThat(alerts.save(alert("A3", "T1", "C1", RiskLevel.MEDIUM, "other"))).isFalse();
    assertThat(alerts.save(bare)).isTrue();

    assertThat(alerts.find(AlertQuery.latest(10))).containsExactly(bare, first);
    assertThat(alerts.count()).isEqualTo(2);
    assertThat(alerts.countByRule()).isEqualTo(Map.of("large_amount", 1L, "night", 1L));
  }

  @Test
  void listsNewestFirstByCustomerAndLevelUpToTheLimit() {
    AlertRepository alerts = emptyRepository();
    alerts.save(alert("A1", "T1", "C1", RiskLevel.HIGH, "r1"));
    alerts.save(alert("A2", "T2", "C2", RiskLevel.MEDIUM, "r1", "r2"));
    alerts.save(alert("A3", "T3", "C1", RiskLevel.MEDIUM, "r2"));
    alerts.save(alert("A4", "T4", "C1", RiskLevel.HIGH, "r3"));

    assertThat(ids(alerts.find(AlertQuery.latest(10)))).containsExactly("A4", "A3", "A2", "A1");
    assertThat(ids(alerts.find(AlertQuery.latest(2)))).containsExactly("A4", "A3");
    assertThat(ids(alerts.find(new AlertQuery("C1", null, 10)))).containsExactly("A4", "A3", "A1");
    assertThat(ids(alerts.find(new AlertQuery(null, RiskLevel.MEDIUM, 10))))
        .containsExactly("A3", "A2");
    assertThat(ids(alerts.find(new AlertQuery("C1", RiskLevel.HIGH, 1)))).containsExactly("A4");
    assertThat(alerts.find(new AlertQuery("nobody", null, 10))).isEmpty();
    assertThat(alerts.countByRule()).isEqualTo(Map.of("r1", 2L, "r2", 2L, "r3", 1L));
  }

  @Test
  void anEmptyRepositoryHasNothing() {
    AlertRepository alerts = emptyRepository();
    assertThat(alerts.count()).isZero();
    assertThat(alerts.countByRule()).isEmpty();
    assertThat(alerts.find(AlertQuery.latest(5))).isEmpty();
  }

  @Test
  void streamsTheAlertsRaisedInATimeRangeInTheOrderSaved() {
    AlertRepository alerts = emptyRepository();
    alerts.save(raisedAt("A1", T0.plusSeconds(3)));
    alerts.save(raisedAt("A2", T0.minusSeconds(1)));
    alerts.save(raisedAt("A3", T0));
    alerts.save(raisedAt("A4", T0.plusSeconds(10)));
    List<Alert> seen = new ArrayList<>();

    long n = alerts.forEachCreatedIn(new TimeRange(T0, T0.plusSeconds(10)), seen::add);

    assertThat(ids(seen)).containsExactly("A1", "A3");
    assertThat(n).isEqualTo(2);
    assertThat(seen.get(0)).isEqualTo(raisedAt("A1", T0.plusSeconds(3)));
    assertThat(alerts.forEachCreatedIn(TimeRange.ALL, a -> {})).isEqualTo(4);
  }

  private static Alert raisedAt(String id, Instant createdAt) {
    Alert a = alert(id, "T" + id, "C1", RiskLevel.HIGH, "large_amount");
    return new Alert(
        a.alertId(),
        a.transactionId(),
        a.customerId(),
        a.receiverId(),
        a.amount(),
        a.transactionTime(),
        createdAt,
        a.riskScore(),
        a.riskLevel(),
        a.rules(),
        a.reasons(),
        a.ruleSetVersion());
  }

  private static List<String> ids(List<Alert> alerts) {
    return alerts.stream().map(Alert::alertId).toList();
  }
}

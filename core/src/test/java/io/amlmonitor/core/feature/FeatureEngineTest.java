package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeatureEngineTest {
  private static final Instant T0 = Instant.parse("2026-03-04T12:00:00Z"); // a Wednesday
  private final FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
  private int seq;

  private Transaction txn(Instant at, double amount, String ip, String merchant) {
    return Transaction.builder()
        .id("T" + (++seq))
        .timestamp(at)
        .customer("C1")
        .merchant(merchant)
        .amount(amount)
        .ipAddress(ip)
        .build();
  }

  private double customer(String feature, Instant at) {
    FeatureVector v = engine.entityFeatures(EntityType.CUSTOMER, "C1", at);
    return v == null ? 0 : v.get(feature);
  }

  @Test
  void sixtySecondCountDecaysToZeroAMinuteLaterWithoutNewEvents() {
    engine.ingest(txn(T0, 10, "1.1.1.1", "M1"));
    engine.ingest(txn(T0.plusSeconds(10), 20, "1.1.1.1", "M1"));

    assertThat(customer("txn_count_60s", T0.plusSeconds(11))).isEqualTo(2);
    assertThat(customer("txn_amount_sum_60s", T0.plusSeconds(11))).isEqualTo(30);
    assertThat(customer("txn_count_60s", T0.plusSeconds(61))).isEqualTo(1);
    assertThat(customer("txn_count_60s", T0.plusSeconds(71))).isZero();
    assertThat(customer("txn_amount_sum_60s", T0.plusSeconds(71))).isZero();
    assertThat(customer("txn_count_1h", T0.plusSeconds(71))).isEqualTo(2);
  }

  @Test
  void windowIsClosedAtItsStartAndOpenAtItsEnd() {
    engine.ingest(txn(T0, 10, null, "M1"));

    assertThat(customer("txn_count_60s", T0)).as("the event itself is not before T0").isZero();
    assertThat(customer("txn_count_60s", T0.plusMillis(1))).isEqualTo(1);
    assertThat(customer("txn_count_60s", T0.plusSeconds(60))).as("T0 = t - 60s is inside").isOne();
    assertThat(customer("txn_count_60s", T0.plusSeconds(60).plusMillis(1))).isZero();
  }

  @Test
  void transactionDoesNotSeeItselfInItsOwnFeatures() {
    Transaction first = txn(T0, 100, "1.1.1.1", "M1");
    engine.ingest(first);

    FeatureVector v = engine.featuresFor(first);

    assertThat(v.get("txn_count_1h")).isZero();
    assertThat(v.customerKnown()).isFalse();
  }

  @Test
  void outOfOrderEventWithinLatenessIsPlacedAtItsTime() {
    engine.ingest(txn(T0.plusSeconds(120), 30, null, "M1"));
    engine.ingest(txn(T0, 10, null, "M1"));

    assertThat(customer("txn_count_60s", T0.plusSeconds(30))).isEqualTo(1);
    assertThat(customer("txn_amount_sum_60s", T0.plusSeconds(30))).isEqualTo(10);
    assertThat(customer("txn_amount_sum_1h", T0.plusSeconds(121))).isEqualTo(40);
    assertThat(engine.lateCount()).isZero();
  }

  @Test
  void eventLaterThanAllowedLatenessIsCountedAndLeftOut() {
    engine.ingest(txn(T0.plus(Duration.ofMinutes(10)), 30, null, "M1"));

    Placement placement = engine.ingest(txn(T0, 10, null, "M1"));

    assertThat(placement).isEqualTo(Placement.LATE);
    assertThat(engine.lateCount()).isEqualTo(1);
    assertThat(customer("txn_amount_sum_1h", T0.plus(Duration.ofMinutes(11)))).isEqualTo(30);
  }

  @Test
  void repeatedTransactionIdIsCountedOnce() {
    Transaction t = txn(T0, 10, null, "M1");
    assertThat(engine.ingest(t)).isEqualTo(Placement.ACCEPTED);

    assertThat(engine.ingest(t)).isEqualTo(Placement.DUPLICATE);

    assertThat(customer("txn_count_1h", T0.plusSeconds(1))).isEqualTo(1);
    assertThat(engine.duplicateCount()).isEqualTo(1);
    FeatureVector merchant = engine.entityFeatures(EntityType.MERCHANT, "M1", T0.plusSeconds(1));
    assertThat(merchant.get("merchant_txn_count_1h")).isEqualTo(1);
  }

  @Test
  void distinctIpsAndMerchantsCountEachValueOnce() {
    engine.ingest(txn(T0, 10, "1.1.1.1", "M1"));
    engine.ingest(txn(T0.plusSeconds(1), 10, "2.2.2.2", "M2"));
    engine.ingest(txn(T0.plusSeconds(2), 10, "1.1.1.1", "M1"));
    engine.ingest(txn(T0.plusSeconds(3), 10, "3.3.3.3", "M1"));

    assertThat(customer("unique_ips_1h", T0.plusSeconds(4))).isEqualTo(3);
    assertThat(customer("unique_merchants_1h", T0.plusSeconds(4))).isEqualTo(2);
  }

  @Test
  void velocityIsPaymentsPerMinuteSinceTheFirstPaymentOfTheHour() {
    for (int i = 0; i < 30; i++) {
      engine.ingest(txn(T0.plusSeconds(i), 10, null, "M1"));
    }

    assertThat(customer("velocity_score_1h", T0.plusSeconds(30))).isEqualTo(30);
    assertThat(customer("velocity_score_1h", T0.plus(Duration.ofMinutes(30))))
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void amountStatisticsDescribeTheLastHour() {
    engine.ingest(txn(T0, 10, null, "M1"));
    engine.ingest(txn(T0.plusSeconds(1), 30, null, "M1"));

    Instant at = T0.plusSeconds(2);
    assertThat(customer("avg_txn_amount_1h", at)).isEqualTo(20);
    assertThat(customer("max_txn_amount_1h", at)).isEqualTo(30);
    assertThat(customer("amount_deviation_score_1h", at)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void nightWeekendAndNearThresholdPaymentsAreCounted() {
    Instant saturdayNight = Instant.parse("2026-03-07T23:30:00Z");
    engine.ingest(txn(saturdayNight, 9_500, null, "M1"));
    engine.ingest(txn(saturdayNight.plusSeconds(60), 10_000, null, "M1"));
    engine.ingest(txn(saturdayNight.plus(Duration.ofHours(8)), 50, null, "M1"));

    Instant at = saturdayNight.plus(Duration.ofHours(9));
    assertThat(customer("night_txn_count_24h", at)).isEqualTo(2);
    assertThat(customer("weekend_txn_count_7d", at)).isEqualTo(3);
    assertThat(customer("structuring_txn_count_24h", at))
        .as("10,000 is at the threshold, not under it")
        .isEqualTo(1);
    assertThat(customer("night_txn_count_24h", saturdayNight.plus(Duration.ofHours(25)))).isZero();
  }

  @Test
  void daysSinceLastPaymentRemembersEvictedHistory() {
    engine.ingest(txn(T0, 10, null, "M1"));
    engine.ingest(txn(T0.plus(Duration.ofDays(90)), 10, null, "M1"));

    Transaction reactivation = txn(T0.plus(Duration.ofDays(90)).plusSeconds(10), 10, null, "M1");
    assertThat(engine.featuresFor(reactivation).get("days_since_last_txn"))
        .isCloseTo(10 / 86_400.0, within(1e-12));
    Transaction second = txn(T0.plus(Duration.ofDays(90)), 10, null, "M1");
    assertThat(engine.featuresFor(second).get("days_since_last_txn")).isEqualTo(90);
  }

  @Test
  void merchantFeaturesCountDistinctCustomers() {
    engine.ingest(txn(T0, 10, null, "M9"));
    engine.ingest(
        Transaction.builder()
            .id("X1")
            .timestamp(T0.plusSeconds(1))
            .customer(CustomerId.of("C2"))
            .merchant("M9")
            .amount(30)
            .build());

    FeatureVector v = engine.entityFeatures(EntityType.MERCHANT, "M9", T0.plusSeconds(2));
    assertThat(v.get("merchant_txn_count_1h")).isEqualTo(2);
    assertThat(v.get("merchant_unique_customers_1h")).isEqualTo(2);
    assertThat(v.get("merchant_avg_txn_amount_1h")).isEqualTo(20);
    assertThat(v.get("merchant_txn_amount_sum_1h")).isEqualTo(40);
  }

  @Test
  void unknownEntityHasNoFeatures() {
    assertThat(engine.entityFeatures(EntityType.CUSTOMER, "nobody", T0)).isNull();
  }

  @Test
  void transferToAnAccountLeavesMerchantFeaturesOut() {
    Transaction transfer =
        Transaction.builder()
            .id("P1")
            .timestamp(T0)
            .customer("C1")
            .counterparty("C2")
            .amount(5)
            .build();
    engine.ingest(transfer);

    FeatureVector v = engine.featuresFor(transfer);
    assertThat(v.asMap()).doesNotContainKey("merchant_txn_count_1h").containsKey("txn_count_1h");
    assertThat(customer("unique_merchants_1h", T0.plusSeconds(1))).isZero();
  }

  private Transaction transfer(String id, Instant at, String from, String to, double amount) {
    return Transaction.builder()
        .id(id)
        .timestamp(at)
        .customer(from)
        .counterparty(to)
        .amount(amount)
        .build();
  }

  private double of(String customer, String feature, Instant at) {
    FeatureVector v = engine.entityFeatures(EntityType.CUSTOMER, customer, at);
    return v == null ? 0 : v.get(feature);
  }

  @Test
  void aTransferFeedsTheReceiversIncomingFlowAndPassThroughShowsMoneyPassingOn() {
    engine.ingest(transfer("P1", T0, "SRC", "MULE", 1000));
    engine.ingest(transfer("P2", T0.plusSeconds(600), "MULE", "OUT1", 450));
    engine.ingest(transfer("P3", T0.plusSeconds(900), "MULE", "OUT2", 450));

    Instant later = T0.plusSeconds(1000);
    assertThat(of("MULE", "in_amount_sum_24h", later)).isEqualTo(1000);
    assertThat(of("MULE", "in_unique_senders_24h", later)).isEqualTo(1);
    assertThat(of("MULE", "txn_amount_sum_24h", later)).isEqualTo(900);
    assertThat(of("MULE", "pass_through_ratio_24h", later)).isEqualTo(0.9);
    assertThat(of("MULE", "net_flow_24h", later)).isEqualTo(100);
    assertThat(of("SRC", "in_txn_count_24h", later)).as("the payer received nothing").isZero();
  }

  @Test
  void scoringATransferReadsTheReceivingAccount() {
    for (int i = 0; i < 6; i++) {
      engine.ingest(transfer("F" + i, T0.plusSeconds(i), "MULE" + i, "COLLECTOR", 900));
    }
    Transaction next = transfer("F6", T0.plusSeconds(60), "MULE6", "COLLECTOR", 900);

    FeatureVector v = engine.featuresFor(next);
    assertThat(v.get("counterparty_in_unique_senders_24h")).isEqualTo(6);
    assertThat(v.get("counterparty_in_new_senders_24h")).isEqualTo(6);
    assertThat(v.get("counterparty_in_amount_sum_24h")).isEqualTo(5400);
    assertThat(v.asMap()).containsKey("counterparty_in_txn_count_24h");
  }

  @Test
  void aReceiverPaidBeforeIsNotNewButOneUnseenForThirtyDaysIs() {
    engine.ingest(transfer("N1", T0, "C1", "FRIEND", 10));

    Transaction again = transfer("N2", T0.plus(Duration.ofDays(3)), "C1", "FRIEND", 10);
    assertThat(engine.featuresFor(again).get("txn_new_counterparty")).isZero();
    Transaction stranger = transfer("N3", T0.plus(Duration.ofDays(3)), "C1", "STRANGER", 10);
    assertThat(engine.featuresFor(stranger).get("txn_new_counterparty")).isOne();
    Transaction muchLater = transfer("N4", T0.plus(Duration.ofDays(31)), "C1", "FRIEND", 10);
    assertThat(engine.featuresFor(muchLater).get("txn_new_counterparty")).isOne();
  }

  @Test
  void dormancyIsTheIdleGapBeforeTheLastDaysActivity() {
    engine.ingest(transfer("D1", T0, "SLEEPER", "X", 10));
    Instant wake = T0.plus(Duration.ofDays(90));
    engine.ingest(transfer("D2", wake, "SRC", "SLEEPER", 5000));

    assertThat(of("SLEEPER", "days_dormant", wake.plusSeconds(3600))).isEqualTo(90.0);
    assertThat(of("SLEEPER", "account_age_days", wake)).isEqualTo(90.0);
  }

  @Test
  void sevenDayFeaturesSumWholeDaysAndNeverLookFurtherBackThanSevenDays() {
    Instant monday = Instant.parse("2026-03-02T10:00:00Z");
    engine.ingest(txn(monday, 10, null, "M1"));
    engine.ingest(txn(monday.plus(Duration.ofDays(3)), 20, null, "M1"));

    assertThat(customer("txn_count_7d", Instant.parse("2026-03-08T23:59:59Z"))).isEqualTo(2);
    // A week after Monday 00:00 the window is Tuesday to Monday: the first payment has left it,
    // 6 days 14 hours after it was made. Giving up the oldest partial day is the tiles' error
    // bound.
    assertThat(customer("txn_count_7d", Instant.parse("2026-03-09T00:00:00Z"))).isEqualTo(1);
    assertThat(customer("txn_amount_sum_7d", Instant.parse("2026-03-09T00:00:00Z"))).isEqualTo(20);
    assertThat(customer("txn_count_7d", Instant.parse("2026-03-11T23:59:59Z"))).isEqualTo(1);
    assertThat(customer("txn_count_7d", Instant.parse("2026-03-12T00:00:00Z"))).isZero();
  }
}

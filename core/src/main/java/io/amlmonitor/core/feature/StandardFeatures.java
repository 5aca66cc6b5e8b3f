package io.amlmonitor.core.feature;

import static io.amlmonitor.core.feature.Aggregation.*;
import static io.amlmonitor.core.feature.Direction.BOTH;
import static io.amlmonitor.core.feature.Direction.INCOMING;
import static io.amlmonitor.core.feature.Direction.OUTGOING;
import static io.amlmonitor.core.feature.EntityType.COUNTERPARTY;
import static io.amlmonitor.core.feature.EntityType.CUSTOMER;
import static io.amlmonitor.core.feature.EntityType.MERCHANT;
import static io.amlmonitor.core.feature.EntityType.TRANSACTION;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The standard catalogue, in vector order. Names never change once released: models read them. */
final class StandardFeatures {
  private static final Duration S60 = Duration.ofSeconds(60);
  private static final Duration M5 = Duration.ofMinutes(5);
  private static final Duration M10 = Duration.ofMinutes(10);
  private static final Duration H1 = Duration.ofHours(1);
  private static final Duration H24 = Duration.ofHours(24);
  private static final Duration H72 = Duration.ofHours(72);
  private static final Duration D7 = Duration.ofDays(7);
  private static final Duration NONE = Duration.ZERO;

  private final List<FeatureDefinition> d = new ArrayList<>();

  private StandardFeatures() {}

  static FeatureRegistry build() {
    StandardFeatures f = new StandardFeatures();
    f.customerPayments();
    f.temporalAndBehavioural();
    f.transfersReceived();
    f.bothFlows();
    f.merchants();
    f.receivingAccount();
    f.transaction();
    return new FeatureRegistry(f.d);
  }

  private void add(
      String name,
      EntityType entity,
      Direction direction,
      Duration window,
      Aggregation a,
      String text) {
    d.add(new FeatureDefinition(name, entity, direction, window, a, text));
  }

  private void out(String name, Duration window, Aggregation a, String text) {
    add(name, CUSTOMER, OUTGOING, window, a, text);
  }

  private void in(String name, Duration window, Aggregation a, String text) {
    add(name, CUSTOMER, INCOMING, window, a, text);
  }

  private void merchant(String name, Duration window, Aggregation a, String text) {
    add(name, MERCHANT, INCOMING, window, a, text);
  }

  private void customerPayments() {
    out("txn_amount_sum_60s", S60, SUM, "Total amount paid in the last 60 seconds");
    out("txn_amount_sum_5m", M5, SUM, "Total amount paid in the last 5 minutes");
    out("txn_amount_sum_1h", H1, SUM, "Total amount paid in the last hour");
    out("txn_amount_sum_24h", H24, SUM, "Total amount paid in the last 24 hours");
    out("txn_count_60s", S60, COUNT, "Payments in the last 60 seconds");
    out("txn_count_5m", M5, COUNT, "Payments in the last 5 minutes");
    out("txn_count_10m", M10, COUNT, "Payments in the last 10 minutes");
    out("txn_count_1h", H1, COUNT, "Payments in the last hour");
    out("txn_count_24h", H24, COUNT, "Payments in the last 24 hours");
    out("unique_ips_1h", H1, DISTINCT_IPS, "Distinct IP addresses used in the last hour");
    out("unique_merchants_1h", H1, DISTINCT_MERCHANTS, "Distinct merchants paid in the last hour");
    out(
        "velocity_score_1h",
        H1,
        RATE_PER_MINUTE,
        "Payments per minute since the first payment of the last hour");
    out(
        "amount_deviation_score_1h",
        H1,
        COEFFICIENT_OF_VARIATION,
        "Irregularity of amounts in the last hour: standard deviation over mean");
    out("avg_txn_amount_1h", H1, MEAN, "Mean amount in the last hour");
    out("max_txn_amount_1h", H1, MAX, "Largest amount in the last hour");
    out(
        "night_txn_count_24h",
        H24,
        NIGHT_COUNT,
        "Payments between 22:00 and 06:00 in the last 24 hours");
    out(
        "weekend_txn_count_7d",
        D7,
        WEEKEND_COUNT,
        "Payments on Saturdays and Sundays in the last 7 days");
    out(
        "structuring_txn_count_24h",
        H24,
        NEAR_THRESHOLD_COUNT,
        "Payments just under the reporting threshold in the last 24 hours");
    out(
        "days_since_last_txn",
        NONE,
        DAYS_SINCE_PREVIOUS,
        "Days since the customer's previous payment (0 for a first payment)");
    out("txn_amount_sum_10m", M10, SUM, "Total amount paid in the last 10 minutes");
    out("txn_amount_sum_7d", D7, SUM, "Total amount paid in the last 7 days");
    out("txn_count_7d", D7, COUNT, "Payments in the last 7 days");
    out("avg_txn_amount_24h", H24, MEAN, "Mean amount in the last 24 hours");
    out("max_txn_amount_24h", H24, MAX, "Largest amount in the last 24 hours");
    out("unique_ips_24h", H24, DISTINCT_IPS, "Distinct IP addresses used in the last 24 hours");
    out(
        "unique_merchants_24h",
        H24,
        DISTINCT_MERCHANTS,
        "Distinct merchants paid in the last 24 hours");
    out(
        "unique_counterparties_24h",
        H24,
        DISTINCT_PARTIES,
        "Distinct receivers (merchants and accounts) paid in the last 24 hours");
    out(
        "new_counterparties_1h",
        H1,
        NEW_PARTIES,
        "Receivers paid for the first time (in 30 days) in the last hour");
    out(
        "new_counterparties_24h",
        H24,
        NEW_PARTIES,
        "Receivers paid for the first time (in 30 days) in the last 24 hours");
    out(
        "velocity_score_10m",
        M10,
        RATE_PER_MINUTE,
        "Payments per minute since the first payment of the last 10 minutes");
    out(
        "structuring_amount_sum_24h",
        H24,
        NEAR_THRESHOLD_SUM,
        "Total of the payments just under the reporting threshold in the last 24 hours");
    out(
        "structuring_txn_count_7d",
        D7,
        NEAR_THRESHOLD_COUNT,
        "Payments just under the reporting threshold in the last 7 days");
    out(
        "over_threshold_txn_count_24h",
        H24,
        OVER_THRESHOLD_COUNT,
        "Payments at or above the reporting threshold in the last 24 hours");
    out(
        "round_amount_ratio_24h",
        H24,
        ROUND_AMOUNT_RATIO,
        "Share of the last 24 hours' payments with a round amount");
    out(
        "high_risk_country_txn_count_24h",
        H24,
        HIGH_RISK_COUNTRY_COUNT,
        "Payments to or from high-risk countries in the last 24 hours");
    out(
        "high_risk_country_txn_count_7d",
        D7,
        HIGH_RISK_COUNTRY_COUNT,
        "Payments to or from high-risk countries in the last 7 days");
    out(
        "cross_border_txn_count_24h",
        H24,
        CROSS_BORDER_COUNT,
        "Payments between two different countries in the last 24 hours");
    out(
        "account_transfer_count_24h",
        H24,
        ACCOUNT_TRANSFER_COUNT,
        "Transfers to other accounts (not merchants) in the last 24 hours");
  }

  private void temporalAndBehavioural() {
    out(
        "temporal_hour_entropy",
        H24,
        HOUR_ENTROPY,
        "Spread of the last 24 hours' payments over the hours of the day, in bits (0 = one hour)");
    out(
        "temporal_burst_ratio",
        H24,
        BURST_RATIO,
        "Payments in the last hour against the hourly average of the last 24 hours");
    out(
        "temporal_amount_trend",
        H24,
        AMOUNT_TREND,
        "Growth of amounts over the last 24 hours, per hour, relative to their mean");
    out(
        "temporal_regularity",
        H24,
        GAP_REGULARITY,
        "How evenly spaced the last 24 hours' payments are (1 = like clockwork)");
    out(
        "behavioral_amount_zscore",
        H24,
        POPULATION_ZSCORE,
        "Typical (log) amount of the last 24 hours against all customers' payments, as a z-score");
    out(
        "behavioral_outlier_ratio",
        H24,
        POPULATION_OUTLIER_RATIO,
        "Share of the last 24 hours' payments more than 3 standard deviations from the population");
    out(
        "behavioral_merchant_diversity",
        H24,
        MERCHANT_DIVERSITY,
        "Distinct merchants over payments to merchants in the last 24 hours");
    out(
        "behavioral_amount_cv",
        H24,
        COEFFICIENT_OF_VARIATION,
        "Irregularity of amounts in the last 24 hours: standard deviation over mean");
    out(
        "expected_volume_pace_7d",
        D7,
        EXPECTED_VOLUME_PACE,
        "Last 7 days' spending scaled to a month, over the declared expected monthly volume");
  }

  private void transfersReceived() {
    in("in_txn_count_1h", H1, COUNT, "Transfers received in the last hour");
    in("in_txn_count_24h", H24, COUNT, "Transfers received in the last 24 hours");
    in("in_txn_count_7d", D7, COUNT, "Transfers received in the last 7 days");
    in("in_amount_sum_1h", H1, SUM, "Total received in the last hour");
    in("in_amount_sum_24h", H24, SUM, "Total received in the last 24 hours");
    in("in_amount_sum_7d", D7, SUM, "Total received in the last 7 days");
    in("in_max_amount_24h", H24, MAX, "Largest transfer received in the last 24 hours");
    in(
        "in_unique_senders_24h",
        H24,
        DISTINCT_PARTIES,
        "Distinct accounts that sent money in the last 24 hours");
    in(
        "in_new_senders_24h",
        H24,
        NEW_PARTIES,
        "Accounts that sent money for the first time (in 30 days) in the last 24 hours");
    in(
        "in_structuring_txn_count_24h",
        H24,
        NEAR_THRESHOLD_COUNT,
        "Transfers received just under the reporting threshold in the last 24 hours");
    in(
        "in_high_risk_country_txn_count_24h",
        H24,
        HIGH_RISK_COUNTRY_COUNT,
        "Transfers received to or from high-risk countries in the last 24 hours");
    in(
        "days_since_last_incoming",
        NONE,
        DAYS_SINCE_PREVIOUS,
        "Days since the previous transfer received (0 when none)");
  }

  private void bothFlows() {
    add(
        "pass_through_ratio_24h",
        CUSTOMER,
        BOTH,
        H24,
        PASS_THROUGH_RATIO,
        "Money in vs money out in the last 24 hours: smaller over larger (1 = all passed through)");
    add(
        "pass_through_ratio_72h",
        CUSTOMER,
        BOTH,
        H72,
        PASS_THROUGH_RATIO,
        "Money in vs money out over about 72 hours: smaller over larger");
    add(
        "net_flow_24h",
        CUSTOMER,
        BOTH,
        H24,
        NET_FLOW,
        "Money received minus money paid in the last 24 hours");
    add(
        "days_dormant",
        CUSTOMER,
        BOTH,
        H24,
        DAYS_DORMANT,
        "Days the account was idle before its activity of the last 24 hours");
    add(
        "account_age_days",
        CUSTOMER,
        BOTH,
        NONE,
        ACCOUNT_AGE_DAYS,
        "Days since the account's first payment or transfer received");
  }

  private void merchants() {
    merchant("merchant_txn_count_1h", H1, COUNT, "Payments the merchant received in the last hour");
    merchant(
        "merchant_txn_amount_sum_1h",
        H1,
        SUM,
        "Total amount the merchant received in the last hour");
    merchant(
        "merchant_unique_customers_1h",
        H1,
        DISTINCT_PARTIES,
        "Distinct customers who paid the merchant in the last hour");
    merchant(
        "merchant_avg_txn_amount_1h",
        H1,
        MEAN,
        "Mean amount the merchant received in the last hour");
    merchant(
        "merchant_txn_count_5m", M5, COUNT, "Payments the merchant received in the last 5 minutes");
    merchant(
        "merchant_velocity_score_1h",
        H1,
        RATE_PER_MINUTE,
        "Payments per minute the merchant received since the first of the last hour");
    merchant(
        "merchant_txn_count_24h", H24, COUNT, "Payments the merchant received over about 24 hours");
    merchant(
        "merchant_txn_amount_sum_24h",
        H24,
        SUM,
        "Total amount the merchant received over about 24 hours");
    merchant(
        "merchant_night_txn_count_24h",
        H24,
        NIGHT_COUNT,
        "Payments the merchant received at night over about 24 hours");
    merchant(
        "merchant_structuring_txn_count_24h",
        H24,
        NEAR_THRESHOLD_COUNT,
        "Payments just under the reporting threshold the merchant received over about 24 hours");
    merchant(
        "merchant_high_risk_country_txn_count_24h",
        H24,
        HIGH_RISK_COUNTRY_COUNT,
        "Payments to the merchant involving high-risk countries over about 24 hours");
    merchant(
        "merchant_round_amount_ratio_24h",
        H24,
        ROUND_AMOUNT_RATIO,
        "Share of round amounts the merchant received over about 24 hours");
  }

  private void receivingAccount() {
    add(
        "counterparty_in_txn_count_24h",
        COUNTERPARTY,
        INCOMING,
        H24,
        COUNT,
        "Transfers the receiving account got in the last 24 hours");
    add(
        "counterparty_in_amount_sum_24h",
        COUNTERPARTY,
        INCOMING,
        H24,
        SUM,
        "Total the receiving account got in the last 24 hours");
    add(
        "counterparty_in_unique_senders_24h",
        COUNTERPARTY,
        INCOMING,
        H24,
        DISTINCT_PARTIES,
        "Distinct accounts that paid the receiving account in the last 24 hours");
    add(
        "counterparty_in_new_senders_24h",
        COUNTERPARTY,
        INCOMING,
        H24,
        NEW_PARTIES,
        "Accounts that paid the receiving account for the first time (in 30 days) in 24 hours");
    add(
        "counterparty_pass_through_ratio_24h",
        COUNTERPARTY,
        BOTH,
        H24,
        PASS_THROUGH_RATIO,
        "The receiving account's money in vs money out in the last 24 hours");
    add(
        "counterparty_account_age_days",
        COUNTERPARTY,
        BOTH,
        NONE,
        ACCOUNT_AGE_DAYS,
        "Days since the receiving account's first payment or transfer received");
    add(
        "counterparty_days_since_last_txn",
        COUNTERPARTY,
        OUTGOING,
        NONE,
        DAYS_SINCE_PREVIOUS,
        "Days since the receiving account's last payment of its own (0 when none)");
  }

  private void transaction() {
    add(
        "txn_amount_to_avg_24h",
        TRANSACTION,
        OUTGOING,
        H24,
        TXN_AMOUNT_TO_MEAN,
        "This amount over the customer's mean payment of the last 24 hours");
    add(
        "txn_amount_to_expected_monthly",
        TRANSACTION,
        OUTGOING,
        NONE,
        TXN_AMOUNT_TO_EXPECTED_MONTHLY,
        "This amount over the customer's declared expected monthly volume");
    add(
        "txn_amount_zscore",
        TRANSACTION,
        OUTGOING,
        NONE,
        TXN_AMOUNT_ZSCORE,
        "This amount (log) against all customers' payments, as a z-score");
    add(
        "txn_new_counterparty",
        TRANSACTION,
        OUTGOING,
        NONE,
        TXN_NEW_COUNTERPARTY,
        "1 when the customer has not paid this receiver in the last 30 days");
    add(
        "txn_round_amount",
        TRANSACTION,
        OUTGOING,
        NONE,
        TXN_ROUND_AMOUNT,
        "1 when this amount is a whole multiple of the round unit");
  }
}

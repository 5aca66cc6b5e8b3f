package io.amlmonitor.core.feature;

import static io.amlmonitor.core.feature.Aggregation.*;
import static io.amlmonitor.core.feature.EntityType.CUSTOMER;
import static io.amlmonitor.core.feature.EntityType.MERCHANT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every feature the system computes, each defined once. The order is the order of feature vectors,
 * of the API's output and of training sets.
 */
public final class FeatureRegistry {
  private final List<FeatureDefinition> definitions;
  private final Map<String, Integer> indexByName;

  public FeatureRegistry(List<FeatureDefinition> definitions) {
    this.definitions = List.copyOf(definitions);
    this.indexByName = new HashMap<>();
    for (int i = 0; i < this.definitions.size(); i++) {
      String name = this.definitions.get(i).name();
      if (indexByName.put(name, i) != null) {
        throw new IllegalArgumentException("feature '" + name + "' is defined twice");
      }
    }
  }

  /** The standard catalogue. */
  public static FeatureRegistry standard() {
    Duration s60 = Duration.ofSeconds(60);
    Duration m5 = Duration.ofMinutes(5);
    Duration m10 = Duration.ofMinutes(10);
    Duration h1 = Duration.ofHours(1);
    Duration h24 = Duration.ofHours(24);
    Duration d7 = Duration.ofDays(7);
    List<FeatureDefinition> d = new ArrayList<>();
    d.add(
        def("txn_amount_sum_60s", CUSTOMER, s60, SUM, "Total amount paid in the last 60 seconds"));
    d.add(def("txn_amount_sum_5m", CUSTOMER, m5, SUM, "Total amount paid in the last 5 minutes"));
    d.add(def("txn_amount_sum_1h", CUSTOMER, h1, SUM, "Total amount paid in the last hour"));
    d.add(def("txn_amount_sum_24h", CUSTOMER, h24, SUM, "Total amount paid in the last 24 hours"));
    d.add(def("txn_count_60s", CUSTOMER, s60, COUNT, "Payments in the last 60 seconds"));
    d.add(def("txn_count_5m", CUSTOMER, m5, COUNT, "Payments in the last 5 minutes"));
    d.add(def("txn_count_10m", CUSTOMER, m10, COUNT, "Payments in the last 10 minutes"));
    d.add(def("txn_count_1h", CUSTOMER, h1, COUNT, "Payments in the last hour"));
    d.add(def("txn_count_24h", CUSTOMER, h24, COUNT, "Payments in the last 24 hours"));
    d.add(
        def(
            "unique_ips_1h",
            CUSTOMER,
            h1,
            DISTINCT_IPS,
            "Distinct IP addresses used in the last hour"));
    d.add(
        def(
            "unique_merchants_1h",
            CUSTOMER,
            h1,
            DISTINCT_PARTIES,
            "Distinct merchants paid in the last hour"));
    d.add(
        def(
            "velocity_score_1h",
            CUSTOMER,
            h1,
            RATE_PER_MINUTE,
            "Payments per minute since the first payment of the last hour"));
    d.add(
        def(
            "amount_deviation_score_1h",
            CUSTOMER,
            h1,
            COEFFICIENT_OF_VARIATION,
            "Irregularity of amounts in the last hour: standard deviation over mean"));
    d.add(def("avg_txn_amount_1h", CUSTOMER, h1, MEAN, "Mean amount in the last hour"));
    d.add(def("max_txn_amount_1h", CUSTOMER, h1, MAX, "Largest amount in the last hour"));
    d.add(
        def(
            "night_txn_count_24h",
            CUSTOMER,
            h24,
            NIGHT_COUNT,
            "Payments between 22:00 and 06:00 in the last 24 hours"));
    d.add(
        def(
            "weekend_txn_count_7d",
            CUSTOMER,
            d7,
            WEEKEND_COUNT,
            "Payments on Saturdays and Sundays in the last 7 days"));
    d.add(
        def(
            "structuring_txn_count_24h",
            CUSTOMER,
            h24,
            NEAR_THRESHOLD_COUNT,
            "Payments just under the reporting threshold in the last 24 hours"));
    d.add(
        def(
            "days_since_last_txn",
            CUSTOMER,
            Duration.ZERO,
            DAYS_SINCE_PREVIOUS,
            "Days since the customer's previous payment (0 for a first payment)"));
    d.add(
        def(
            "merchant_txn_count_1h",
            MERCHANT,
            h1,
            COUNT,
            "Payments the merchant received in the last hour"));
    d.add(
        def(
            "merchant_txn_amount_sum_1h",
            MERCHANT,
            h1,
            SUM,
            "Total amount the merchant received in the last hour"));
    d.add(
        def(
            "merchant_unique_customers_1h",
            MERCHANT,
            h1,
            DISTINCT_PARTIES,
            "Distinct customers who paid the merchant in the last hour"));
    d.add(
        def(
            "merchant_avg_txn_amount_1h",
            MERCHANT,
            h1,
            MEAN,
            "Mean amount the merchant received in the last hour"));
    return new FeatureRegistry(d);
  }

  private static FeatureDefinition def(
      String name, EntityType entity, Duration window, Aggregation aggregation, String text) {
    return new FeatureDefinition(name, entity, window, aggregation, text);
  }

  public List<FeatureDefinition> definitions() {
    return definitions;
  }

  public int size() {
    return definitions.size();
  }

  public FeatureDefinition get(int index) {
    return definitions.get(index);
  }

  public Optional<FeatureDefinition> find(String name) {
    Integer i = indexByName.get(name);
    return i == null ? Optional.empty() : Optional.of(definitions.get(i));
  }

  /** Position of {@code name} in feature vectors, or -1. */
  public int indexOf(String name) {
    return indexByName.getOrDefault(name, -1);
  }

  /** The longest window among the features of {@code entity}. */
  public Duration longestWindow(EntityType entity) {
    return definitions.stream()
        .filter(d -> d.entity() == entity)
        .map(FeatureDefinition::window)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }
}

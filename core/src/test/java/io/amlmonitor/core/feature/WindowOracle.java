package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A brute-force model of the feature engine: keeps every accepted event and evaluates each feature
 * straight from its definition. Slow and obviously right, for property tests.
 */
final class WindowOracle {
  private final FeatureRegistry registry;
  private final FeatureSettings settings;
  private final LocalCalendar localTime;
  private final Map<String, List<Transaction>> byCustomer = new HashMap<>();
  private final Map<String, List<Transaction>> byMerchant = new HashMap<>();
  private final Set<String> ids = new HashSet<>();

  WindowOracle(FeatureRegistry registry, FeatureSettings settings) {
    this.registry = registry;
    this.settings = settings;
    this.localTime = new LocalCalendar(settings.zone());
  }

  void ingest(Transaction t) {
    if (!ids.add(t.id().value())) {
      return;
    }
    List<Transaction> own =
        byCustomer.computeIfAbsent(t.customerId().value(), k -> new ArrayList<>());
    if (isLate(own, t)) {
      return;
    }
    own.add(t);
    if (t.merchantId() != null) {
      List<Transaction> m =
          byMerchant.computeIfAbsent(t.merchantId().value(), k -> new ArrayList<>());
      if (!isLate(m, t)) {
        m.add(t);
      }
    }
  }

  private boolean isLate(List<Transaction> events, Transaction t) {
    long newest =
        events.stream().mapToLong(e -> e.timestamp().toEpochMilli()).max().orElse(Long.MIN_VALUE);
    return newest != Long.MIN_VALUE
        && t.timestamp().toEpochMilli() < newest - settings.allowedLateness().toMillis();
  }

  double value(FeatureDefinition d, String entityId, long at) {
    Map<String, List<Transaction>> source =
        d.entity() == EntityType.CUSTOMER ? byCustomer : byMerchant;
    List<Transaction> all = source.getOrDefault(entityId, List.of());
    if (d.aggregation() == Aggregation.DAYS_SINCE_PREVIOUS) {
      long prev =
          all.stream()
              .mapToLong(e -> e.timestamp().toEpochMilli())
              .filter(ts -> ts < at)
              .max()
              .orElse(Long.MIN_VALUE);
      return prev == Long.MIN_VALUE ? 0 : (at - prev) / 86_400_000.0;
    }
    long from = at - d.windowMillis();
    List<Transaction> w = new ArrayList<>();
    for (Transaction e : all) {
      long ts = e.timestamp().toEpochMilli();
      if (ts >= from && ts < at) {
        w.add(e);
      }
    }
    long sum = w.stream().mapToLong(e -> e.amount().cents()).sum();
    int n = w.size();
    long threshold = settings.reportingThreshold().cents();
    long floor = (long) Math.ceil(threshold * (1 - settings.structuringBand()));
    switch (d.aggregation()) {
      case COUNT:
        return n;
      case SUM:
        return sum / 100.0;
      case MEAN:
        return n == 0 ? 0 : sum / 100.0 / n;
      case MAX:
        return w.stream().mapToLong(e -> e.amount().cents()).max().orElse(0) / 100.0;
      case DISTINCT_IPS:
        return w.stream().map(Transaction::ipAddress).filter(ip -> ip != null).distinct().count();
      case DISTINCT_PARTIES:
        return d.entity() == EntityType.CUSTOMER
            ? w.stream().map(Transaction::merchantId).filter(m -> m != null).distinct().count()
            : w.stream().map(Transaction::customerId).distinct().count();
      case RATE_PER_MINUTE:
        if (n == 0) {
          return 0;
        }
        long first = w.stream().mapToLong(e -> e.timestamp().toEpochMilli()).min().getAsLong();
        return n / Math.max(1.0, (at - first) / 60_000.0);
      case COEFFICIENT_OF_VARIATION:
        if (n < 2 || sum == 0) {
          return 0;
        }
        double mean = sum / (double) n;
        double squares = 0;
        for (Transaction e : w) {
          double dev = e.amount().cents() - mean;
          squares += dev * dev;
        }
        return Math.sqrt(squares / n) / mean;
      case NIGHT_COUNT:
        return w.stream().filter(e -> localTime.isNight(e.timestamp().toEpochMilli())).count();
      case WEEKEND_COUNT:
        return w.stream().filter(e -> localTime.isWeekend(e.timestamp().toEpochMilli())).count();
      case NEAR_THRESHOLD_COUNT:
        return w.stream()
            .filter(e -> e.amount().cents() >= floor && e.amount().cents() < threshold)
            .count();
      default:
        throw new IllegalStateException(d.aggregation().toString());
    }
  }

  FeatureRegistry registry() {
    return registry;
  }
}

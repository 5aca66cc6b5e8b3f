package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A brute-force model of the feature engine: keeps every accepted event of every flow and evaluates
 * each feature straight from its definition, with none of the engine's structures (no prefix sums,
 * tiles, maintained sets or party memory). Slow and obviously right, for property tests.
 */
final class WindowOracle {
  private static final double DAY = 86_400_000.0;

  private final FeatureRegistry registry;
  private final FeatureSettings settings;
  private final LocalCalendar calendar;
  private final int minPopulation;
  private final Map<String, Long> expectedMonthly;
  private final Map<String, List<Transaction>> outgoing = new HashMap<>();
  private final Map<String, List<Transaction>> incoming = new HashMap<>();
  private final Map<String, List<Transaction>> merchants = new HashMap<>();
  private final List<Transaction> population = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  WindowOracle(
      FeatureRegistry registry,
      FeatureSettings settings,
      int minPopulation,
      Map<String, Long> expectedMonthly) {
    this.registry = registry;
    this.settings = settings;
    this.calendar = new LocalCalendar(settings.zone());
    this.minPopulation = minPopulation;
    this.expectedMonthly = expectedMonthly;
  }

  FeatureRegistry registry() {
    return registry;
  }

  void ingest(Transaction t) {
    if (ids.contains(t.id().value())) {
      return;
    }
    List<Transaction> own =
        outgoing.computeIfAbsent(t.customerId().value(), k -> new ArrayList<>());
    if (isLate(own, t)) {
      return;
    }
    ids.add(t.id().value());
    own.add(t);
    population.add(t);
    if (t.merchantId() != null) {
      place(merchants.computeIfAbsent(t.merchantId().value(), k -> new ArrayList<>()), t);
    }
    if (t.counterpartyId() != null) {
      place(incoming.computeIfAbsent(t.counterpartyId().value(), k -> new ArrayList<>()), t);
    }
  }

  private void place(List<Transaction> flow, Transaction t) {
    if (!isLate(flow, t)) {
      flow.add(t);
    }
  }

  private boolean isLate(List<Transaction> events, Transaction t) {
    long newest = events.stream().mapToLong(WindowOracle::ms).max().orElse(Long.MIN_VALUE);
    return newest != Long.MIN_VALUE && ms(t) < newest - settings.allowedLateness().toMillis();
  }

  private static long ms(Transaction t) {
    return t.timestamp().toEpochMilli();
  }

  /** The flow a feature reads. */
  private List<Transaction> flow(EntityType entity, Direction direction, String id) {
    if (entity == EntityType.MERCHANT) {
      return merchants.getOrDefault(id, List.of());
    }
    return (direction == Direction.INCOMING ? incoming : outgoing).getOrDefault(id, List.of());
  }

  /** The other party of an event, as the flow sees it. */
  private static String party(EntityType entity, Direction direction, Transaction t) {
    if (entity == EntityType.MERCHANT || direction == Direction.INCOMING) {
      return t.customerId().value();
    }
    return t.receiverId();
  }

  /** Events of {@code flow} in the feature's window at {@code at}, as its window kind defines. */
  private List<Transaction> window(List<Transaction> flow, FeatureDefinition d, long at) {
    WindowKind kind = d.windowKind();
    long w = d.windowMillis();
    Predicate<Long> in =
        switch (kind) {
          case EXACT -> ts -> ts >= at - w && ts < at;
          case HOUR_TILES -> {
            long h = Math.floorDiv(at, 3_600_000L);
            long n = w / 3_600_000L;
            yield ts -> ts < at && Math.floorDiv(ts, 3_600_000L) > h - n;
          }
          case DAY_TILES -> {
            long day = calendar.epochDay(at);
            long n = w / 86_400_000L;
            yield ts -> ts < at && calendar.epochDay(ts) > day - n;
          }
          case NONE -> ts -> ts < at;
        };
    List<Transaction> out = new ArrayList<>();
    for (Transaction t : flow) {
      if (in.test(ms(t))) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparingLong(WindowOracle::ms));
    return out;
  }

  /** Age the engine should report: ms since the newest event the feature reads, or -1. */
  long age(FeatureDefinition d, String id, long at) {
    if (d.entity() == EntityType.TRANSACTION) {
      return -1;
    }
    long newest = Long.MIN_VALUE;
    List<Direction> directions =
        d.direction() == Direction.BOTH
            ? List.of(Direction.OUTGOING, Direction.INCOMING)
            : List.of(d.direction());
    for (Direction dir : directions) {
      for (Transaction t : flow(d.entity(), dir, id)) {
        if (ms(t) < at) {
          newest = Math.max(newest, ms(t));
        }
      }
    }
    return newest == Long.MIN_VALUE ? -1 : at - newest;
  }

  /**
   * The value of {@code d} for entity {@code id} at {@code at}; for transaction features, of {@code
   * scored} against its customer {@code id}.
   */
  double value(FeatureDefinition d, String id, long at, Transaction scored) {
    EntityType entity =
        d.entity() == EntityType.TRANSACTION || d.entity() == EntityType.COUNTERPARTY
            ? EntityType.CUSTOMER
            : d.entity();
    Direction direction = d.entity() == EntityType.TRANSACTION ? Direction.OUTGOING : d.direction();
    Aggregation a = d.aggregation();
    switch (a) {
      case PASS_THROUGH_RATIO, NET_FLOW -> {
        long sent = cents(window(flow(entity, Direction.OUTGOING, id), d, at));
        long received = cents(window(flow(entity, Direction.INCOMING, id), d, at));
        if (a == Aggregation.NET_FLOW) {
          return (received - sent) / 100.0;
        }
        long larger = Math.max(sent, received);
        return larger <= 0 ? 0 : Math.min(sent, received) / (double) larger;
      }
      case DAYS_DORMANT -> {
        List<Transaction> both = new ArrayList<>(flow(entity, Direction.OUTGOING, id));
        both.addAll(flow(entity, Direction.INCOMING, id));
        long from = at - d.windowMillis();
        long before =
            both.stream()
                .mapToLong(WindowOracle::ms)
                .filter(ts -> ts < from)
                .max()
                .orElse(Long.MIN_VALUE);
        if (before == Long.MIN_VALUE) {
          return 0;
        }
        long first =
            both.stream()
                .mapToLong(WindowOracle::ms)
                .filter(ts -> ts >= from && ts < at)
                .min()
                .orElse(at);
        return (first - before) / DAY;
      }
      case ACCOUNT_AGE_DAYS -> {
        List<Transaction> both = new ArrayList<>(flow(entity, Direction.OUTGOING, id));
        both.addAll(flow(entity, Direction.INCOMING, id));
        long first = both.stream().mapToLong(WindowOracle::ms).min().orElse(Long.MAX_VALUE);
        return first >= at ? 0 : (at - first) / DAY;
      }
      case DAYS_SINCE_PREVIOUS -> {
        long prev =
            flow(entity, direction, id).stream()
                .mapToLong(WindowOracle::ms)
                .filter(ts -> ts < at)
                .max()
                .orElse(Long.MIN_VALUE);
        return prev == Long.MIN_VALUE ? 0 : (at - prev) / DAY;
      }
      case NEW_PARTIES -> {
        Map<String, List<Long>> byParty = new HashMap<>();
        for (Transaction t : flow(entity, direction, id)) {
          byParty.computeIfAbsent(party(entity, direction, t), k -> new ArrayList<>()).add(ms(t));
        }
        int n = 0;
        for (List<Long> times : byParty.values()) {
          long start = latestSpellStart(times);
          if (start >= at - d.windowMillis() && start < at) {
            n++;
          }
        }
        return n;
      }
      case TXN_AMOUNT_TO_EXPECTED_MONTHLY -> {
        long expected = expectedMonthly.getOrDefault(id, 0L);
        return expected <= 0 ? 0 : scored.amount().cents() / (double) expected;
      }
      case TXN_AMOUNT_ZSCORE -> {
        double[] ref = reference(at);
        return ref == null
            ? 0
            : (PopulationStats.scaledLog(scored.amount().cents()) / 1000.0 - ref[0]) / ref[1];
      }
      case TXN_NEW_COUNTERPARTY -> {
        String receiver = scored.receiverId();
        long memory = Aggregation.PARTY_MEMORY_DAYS * 86_400_000L;
        boolean seen =
            flow(entity, Direction.OUTGOING, id).stream()
                .anyMatch(
                    t -> t.receiverId().equals(receiver) && ms(t) < at && at - ms(t) < memory);
        return seen ? 0 : 1;
      }
      case TXN_ROUND_AMOUNT -> {
        long c = scored.amount().cents();
        return c > 0 && c % settings.roundUnit().cents() == 0 ? 1 : 0;
      }
      default -> {}
    }
    List<Transaction> w = window(flow(entity, direction, id), d, at);
    int n = w.size();
    long sum = cents(w);
    switch (a) {
      case COUNT:
        return n;
      case SUM:
        return sum / 100.0;
      case MEAN:
        return n == 0 ? 0 : sum / 100.0 / n;
      case MAX:
        return w.stream().mapToLong(t -> t.amount().cents()).max().orElse(0) / 100.0;
      case DISTINCT_IPS:
        return entity == EntityType.CUSTOMER && direction == Direction.INCOMING
            ? 0
            : w.stream().map(Transaction::ipAddress).filter(ip -> ip != null).distinct().count();
      case DISTINCT_PARTIES:
        return w.stream().map(t -> party(entity, direction, t)).distinct().count();
      case DISTINCT_MERCHANTS:
        return w.stream().map(Transaction::merchantId).filter(m -> m != null).distinct().count();
      case RATE_PER_MINUTE:
        return n == 0 ? 0 : n / Math.max(1.0, (at - ms(w.get(0))) / 60_000.0);
      case BURST_RATIO:
        {
          long recent = w.stream().filter(t -> ms(t) >= at - d.windowMillis() / 24).count();
          return n == 0 ? 0 : recent * 24.0 / n;
        }
      case COEFFICIENT_OF_VARIATION:
        {
          if (n < 2 || sum == 0) {
            return 0;
          }
          double mean = sum / (double) n;
          double squares = 0;
          for (Transaction t : w) {
            double dev = t.amount().cents() - mean;
            squares += dev * dev;
          }
          return Math.sqrt(squares / n) / mean;
        }
      case NIGHT_COUNT:
        return w.stream().filter(t -> calendar.isNight(ms(t))).count();
      case WEEKEND_COUNT:
        return w.stream().filter(t -> calendar.isWeekend(ms(t))).count();
      case NEAR_THRESHOLD_COUNT:
        return w.stream().filter(this::nearThreshold).count();
      case NEAR_THRESHOLD_SUM:
        return w.stream().filter(this::nearThreshold).mapToLong(t -> t.amount().cents()).sum()
            / 100.0;
      case OVER_THRESHOLD_COUNT:
        return w.stream()
            .filter(t -> t.amount().cents() >= settings.reportingThreshold().cents())
            .count();
      case HIGH_RISK_COUNTRY_COUNT:
        return w.stream().filter(this::highRisk).count();
      case CROSS_BORDER_COUNT:
        return w.stream()
            .filter(
                t ->
                    t.country() != null
                        && t.counterpartyCountry() != null
                        && !t.country().equals(t.counterpartyCountry()))
            .count();
      case ACCOUNT_TRANSFER_COUNT:
        return w.stream().filter(t -> t.merchantId() == null).count();
      case ROUND_AMOUNT_RATIO:
        {
          long unit = settings.roundUnit().cents();
          long round =
              w.stream()
                  .filter(t -> t.amount().cents() > 0 && t.amount().cents() % unit == 0)
                  .count();
          return n == 0 ? 0 : round / (double) n;
        }
      case HOUR_ENTROPY:
        {
          int[] hours = new int[24];
          for (Transaction t : w) {
            hours[calendar.hour(ms(t))]++;
          }
          return n == 0 ? 0 : FlowScan.entropy(hours, n);
        }
      case AMOUNT_TREND:
        return trend(w, at);
      case GAP_REGULARITY:
        return regularity(w);
      case MERCHANT_DIVERSITY:
        {
          long payments = w.stream().filter(t -> t.merchantId() != null).count();
          long distinct =
              w.stream().map(Transaction::merchantId).filter(m -> m != null).distinct().count();
          return payments == 0 ? 0 : distinct / (double) payments;
        }
      case POPULATION_ZSCORE:
        {
          double[] ref = reference(at);
          if (n == 0 || ref == null) {
            return 0;
          }
          long logs =
              w.stream().mapToLong(t -> PopulationStats.scaledLog(t.amount().cents())).sum();
          return (logs / (double) n / 1000.0 - ref[0]) / ref[1];
        }
      case POPULATION_OUTLIER_RATIO:
        {
          double[] ref = reference(at);
          if (n == 0 || ref == null) {
            return 0;
          }
          double low = (ref[0] - 3 * ref[1]) * 1000;
          double high = (ref[0] + 3 * ref[1]) * 1000;
          long outliers =
              w.stream()
                  .mapToLong(t -> PopulationStats.scaledLog(t.amount().cents()))
                  .filter(v -> v < low || v > high)
                  .count();
          return outliers / (double) n;
        }
      case EXPECTED_VOLUME_PACE:
        {
          long expected = expectedMonthly.getOrDefault(id, 0L);
          if (expected <= 0) {
            return 0;
          }
          return sum * (30.0 / (d.windowMillis() / DAY)) / expected;
        }
      case TXN_AMOUNT_TO_MEAN:
        return n == 0 || sum <= 0 ? 0 : scored.amount().cents() * (double) n / sum;
      default:
        throw new IllegalStateException("the oracle has no model of " + a);
    }
  }

  private static long cents(List<Transaction> events) {
    return events.stream().mapToLong(t -> t.amount().cents()).sum();
  }

  private boolean nearThreshold(Transaction t) {
    long threshold = settings.reportingThreshold().cents();
    long floor = (long) Math.ceil(threshold * (1 - settings.structuringBand()));
    return t.amount().cents() >= floor && t.amount().cents() < threshold;
  }

  private boolean highRisk(Transaction t) {
    Set<String> codes = settings.highRiskCountries();
    return (t.country() != null && codes.contains(t.country()))
        || (t.counterpartyCountry() != null && codes.contains(t.counterpartyCountry()));
  }

  /** Start of the latest spell of dealings: spells break after the party memory. */
  private static long latestSpellStart(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    sorted.sort(null);
    long memory = Aggregation.PARTY_MEMORY_DAYS * 86_400_000L;
    long start = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i) - sorted.get(i - 1) >= memory) {
        start = sorted.get(i);
      }
    }
    return start;
  }

  /** Population mean and standard deviation of ln(1 + amount), or null when not usable. */
  private double[] reference(long at) {
    long h = Math.floorDiv(at, 3_600_000L);
    long n = 0;
    long s = 0;
    long s2 = 0;
    for (Transaction t : population) {
      long th = Math.floorDiv(ms(t), 3_600_000L);
      if (th >= h - 25 && th <= h - 2) {
        long v = PopulationStats.scaledLog(t.amount().cents());
        n++;
        s += v;
        s2 += v * v;
      }
    }
    if (n == 0) {
      return null;
    }
    double mean = (double) s / n / 1000;
    double variance = (double) s2 / n - ((double) s / n) * ((double) s / n);
    double std = Math.sqrt(Math.max(0, variance)) / 1000;
    return n >= minPopulation && std > 0 ? new double[] {mean, std} : null;
  }

  private static double trend(List<Transaction> w, long at) {
    int n = w.size();
    if (n < 3) {
      return 0;
    }
    double mx = w.stream().mapToDouble(t -> (ms(t) - at) / 3_600_000.0).sum() / n;
    double my = w.stream().mapToDouble(t -> t.amount().cents() / 100.0).sum() / n;
    double sxx = 0;
    double sxy = 0;
    for (Transaction t : w) {
      double dx = (ms(t) - at) / 3_600_000.0 - mx;
      sxx += dx * dx;
      sxy += dx * (t.amount().cents() / 100.0 - my);
    }
    return sxx == 0 || my == 0 ? 0 : sxy / sxx / my;
  }

  private static double regularity(List<Transaction> w) {
    int gaps = w.size() - 1;
    if (gaps < 2) {
      return 0;
    }
    double total = ms(w.get(gaps)) - ms(w.get(0));
    if (total == 0) {
      return 0;
    }
    double mean = total / gaps;
    double squares = 0;
    for (int i = 1; i <= gaps; i++) {
      double dev = (ms(w.get(i)) - ms(w.get(i - 1))) - mean;
      squares += dev * dev;
    }
    return 1 / (1 + Math.sqrt(squares / gaps) / mean);
  }
}

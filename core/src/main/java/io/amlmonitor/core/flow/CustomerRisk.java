package io.amlmonitor.core.flow;

import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.CustomerRepository;
import io.amlmonitor.core.store.CustomerRiskRating;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code customer_risk} flow: rates every stored customer with {@link CustomerRiskModel} over
 * the period and records the rating, with its reasons, when it differs from the one in force (or
 * the customer was never rated); an unchanged rating adds nothing to the history.
 *
 * <p>The peer comparison needs every customer's volume before any can be rated, so the activity is
 * read twice with bounded memory, or read once and held otherwise.
 */
public final class CustomerRisk {
  /** What a run did. */
  public record Summary(
      long customers, long changed, long high, long medium, long low, double seconds) {}

  private final CustomerActivityRepository activity;
  private final CustomerRepository customers;
  private final CustomerRiskModel model;
  private final InstantSource clock;

  public CustomerRisk(
      CustomerActivityRepository activity,
      CustomerRepository customers,
      CustomerRiskModel model,
      InstantSource clock) {
    this.activity = Objects.requireNonNull(activity, "activity");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.model = Objects.requireNonNull(model, "model");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Summary run(FlowParameters p, FlowStats stats) {
    return stats.onThisThread(() -> runOnThisThread(p, stats));
  }

  private Summary runOnThisThread(FlowParameters p, FlowStats stats) {
    long started = System.nanoTime();
    stats.expect(activity.countCustomers());
    Duration period = p.lookback();
    double months = Math.max(period.toHours() / 24.0 / 30.0, 1.0 / 30);
    Peers peers = new Peers();
    List<CustomerActivity> held = p.boundedMemory() ? null : new ArrayList<>();
    activity.forEachActivity(
        p.period(),
        a -> {
          peers.add(a.peerGroup(), Math.round(a.volumeCents() / months));
          if (held != null) {
            held.add(a);
          }
        });
    peers.finish();
    long[] counts = new long[5];
    Consumer<CustomerActivity> rate =
        a -> {
          stats.addRead(1);
          long rated = System.nanoTime();
          CustomerRiskModel.Rating r =
              model.rate(
                  a, p.asOf(), period, peers.median(a.peerGroup()), peers.size(a.peerGroup()));
          long ratingNanos = System.nanoTime() - rated;
          counts[0]++;
          switch (r.level()) {
            case HIGH -> counts[2]++;
            case MEDIUM -> counts[3]++;
            case LOW -> counts[4]++;
          }
          if (r.level() == RiskLevel.HIGH) {
            stats.addFlagged(1);
          }
          if (r.level() != a.currentRating()) {
            long t0 = System.nanoTime();
            customers.rate(
                new CustomerRiskRating(a.customer().id(), r.level(), r.reasons(), clock.instant()));
            stats.storeWrite(System.nanoTime() - t0);
            stats.addWritten(1);
            counts[1]++;
          }
          stats.addProcessed(1, ratingNanos);
        };
    if (held != null) {
      held.forEach(rate);
    } else {
      activity.forEachActivity(p.period(), rate);
    }
    return new Summary(
        counts[0], counts[1], counts[2], counts[3], counts[4], (System.nanoTime() - started) / 1e9);
  }

  /** Monthly volumes by peer group, and their medians once all are in. */
  private static final class Peers {
    private final Map<String, long[]> volumes = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Long> medians = new HashMap<>();

    void add(String group, long monthlyCents) {
      int n = sizes.getOrDefault(group, 0);
      long[] v = volumes.computeIfAbsent(group, g -> new long[16]);
      if (n == v.length) {
        v = Arrays.copyOf(v, n * 2);
        volumes.put(group, v);
      }
      v[n] = monthlyCents;
      sizes.put(group, n + 1);
    }

    void finish() {
      volumes.forEach(
          (group, v) -> {
            int n = sizes.get(group);
            long[] sorted = Arrays.copyOf(v, n);
            Arrays.sort(sorted);
            medians.put(
                group, n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
          });
      volumes.clear();
    }

    long median(String group) {
      return medians.getOrDefault(group, 0L);
    }

    int size(String group) {
      return sizes.getOrDefault(group, 0);
    }
  }
}

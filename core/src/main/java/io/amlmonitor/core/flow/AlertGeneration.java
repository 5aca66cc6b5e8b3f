package io.amlmonitor.core.flow;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.DecisionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code alert_generation} flow: an alert for every decision of the period at or above the
 * alert threshold that has none, unless the same customer had an alert for the same pattern (the
 * same rules) less than the suppression period before, in which case it is held back and recorded
 * as a suppression.
 *
 * <p>Alerts, suppressions and the notifications they owe are stored together, a batch at a time, so
 * a run that dies loses nothing and a new run raises nothing twice. New alerts are then logged,
 * sent to the notifiers and handed to {@code onRaised} (which groups them into cases).
 */
public final class AlertGeneration {
  private static final Logger LOG = LoggerFactory.getLogger(AlertGeneration.class);

  /** What a run did. */
  public record Summary(
      long candidates,
      long raised,
      long suppressed,
      NotificationDelivery.Outcome notifications,
      double seconds) {}

  private record Last(Instant at, String alertId) {}

  private final AlertGenerationRepository store;
  private final NotificationDelivery delivery;
  private final Consumer<List<Alert>> onRaised;
  private final InstantSource clock;

  /**
   * @param onRaised called with each stored batch of new alerts (after notifications are owed)
   */
  public AlertGeneration(
      AlertGenerationRepository store,
      NotificationDelivery delivery,
      Consumer<List<Alert>> onRaised,
      InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.onRaised = Objects.requireNonNull(onRaised, "onRaised");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The pattern of a set of rules: sorted, joined with {@code +}; {@code score} when none fired.
   */
  public static String pattern(List<String> rules) {
    return rules.isEmpty() ? "score" : String.join("+", new TreeSet<>(rules));
  }

  public Summary run(FlowParameters p, FlowStats stats) {
    long started = System.nanoTime();
    Duration window = p.suppression();
    Map<String, Last> last = new HashMap<>();
    if (!window.isZero()) {
      store.forEachAlertIn(
          new TimeRange(p.period().from().minus(window), p.period().until()),
          a -> remember(last, a));
    }
    List<String> channels = delivery.channels();
    List<Alert> raised = new ArrayList<>();
    List<Suppression> suppressed = new ArrayList<>();
    long[] counts = new long[3];
    store.forEachCandidate(
        p.period(),
        p.alertThreshold(),
        st -> {
          counts[0]++;
          stats.addRead(1);
          Transaction t = st.transaction();
          DecisionRecord d = st.decision();
          String pattern = pattern(d.rulesFired());
          String key = t.customerId().value() + '\u0000' + pattern;
          Last prev = last.get(key);
          Instant now = clock.instant();
          if (prev != null
              && !t.timestamp().isBefore(prev.at())
              && Duration.between(prev.at(), t.timestamp()).compareTo(window) < 0) {
            suppressed.add(new Suppression(t.id(), t.customerId(), pattern, prev.alertId(), now));
          } else {
            Alert a = alertFor(t, d, now);
            raised.add(a);
            last.put(key, new Last(t.timestamp(), a.alertId()));
          }
          if (raised.size() + suppressed.size() >= p.batchSize()) {
            counts[1] += flush(raised, suppressed, channels, stats);
            counts[2] += suppressed.size();
            suppressed.clear();
          }
        });
    counts[1] += flush(raised, suppressed, channels, stats);
    counts[2] += suppressed.size();
    NotificationDelivery.Outcome sent = delivery.deliverDue();
    return new Summary(counts[0], counts[1], counts[2], sent, (System.nanoTime() - started) / 1e9);
  }

  private int flush(
      List<Alert> raised, List<Suppression> suppressed, List<String> channels, FlowStats stats) {
    if (raised.isEmpty() && suppressed.isEmpty()) {
      return 0;
    }
    long t0 = System.nanoTime();
    int added = store.record(raised, suppressed, channels);
    stats.storeWrite(System.nanoTime() - t0);
    stats.addWritten(added);
    stats.addFlagged(added);
    stats.addProcessed(raised.size() + suppressed.size(), 0);
    for (Alert a : raised) {
      LOG.info(
          "alert {} {} customer {} transaction {} score {} rules {}",
          a.alertId(),
          a.riskLevel(),
          a.customerId().value(),
          a.transactionId().value(),
          String.format("%.3f", a.riskScore()),
          a.rules());
    }
    onRaised.accept(List.copyOf(raised));
    raised.clear();
    return added;
  }

  private static void remember(Map<String, Last> last, Alert a) {
    if (a.transactionTime() == null) {
      return;
    }
    String key = a.customerId().value() + '\u0000' + pattern(a.rules());
    Last prev = last.get(key);
    if (prev == null || a.transactionTime().isAfter(prev.at())) {
      last.put(key, new Last(a.transactionTime(), a.alertId()));
    }
  }

  private static Alert alertFor(Transaction t, DecisionRecord d, Instant now) {
    return new Alert(
        "A-" + UUID.randomUUID(),
        t.id(),
        t.customerId(),
        t.receiverId(),
        t.amount(),
        t.timestamp(),
        now,
        d.riskScore(),
        d.riskLevel(),
        d.rulesFired(),
        d.reasons(),
        d.ruleSetVersion());
  }
}

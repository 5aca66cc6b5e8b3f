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
      long casesOpened,
      long attached,
      NotificationDelivery.Outcome notifications,
      double seconds) {}

  /** Where new alerts go for review: grouped into cases. */
  @FunctionalInterface
  public interface CaseSink {
    /**
     * Attaches each alert to its customer's open case, opening one where there is none; an alert
     * already in a case is left where it is.
     *
     * @return how many cases were opened and how many alerts were attached
     */
    long[] attach(List<Alert> alerts);

    /** A sink that groups nothing. */
    CaseSink NONE = alerts -> new long[2];
  }

  private record Last(Instant at, String alertId) {}

  private final AlertGenerationRepository store;
  private final NotificationDelivery delivery;
  private final CaseSink cases;
  private final InstantSource clock;

  /**
   * @param cases given each stored batch of new alerts, and alerts of the period left out of every
   *     case by a run that died before grouping them
   */
  public AlertGeneration(
      AlertGenerationRepository store,
      NotificationDelivery delivery,
      CaseSink cases,
      InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The pattern of a set of rules: sorted, joined with {@code +}; {@code score} when none fired.
   */
  public static String pattern(List<String> rules) {
    return rules.isEmpty() ? "score" : String.join("+", new TreeSet<>(rules));
  }

  public Summary run(FlowParameters p, FlowStats stats) {
    return stats.onThisThread(() -> runOnThisThread(p, stats));
  }

  private Summary runOnThisThread(FlowParameters p, FlowStats stats) {
    long started = System.nanoTime();
    Duration window = p.suppression();
    Map<String, Last> last = new HashMap<>();
    if (!window.isZero()) {
      store.forEachAlertIn(
          new TimeRange(p.period().from().minus(window), p.period().until()),
          a -> remember(last, a));
    }
    long[] grouped = new long[2];
    List<Alert> orphans = new ArrayList<>();
    store.forEachAlertWithoutCase(
        p.period(),
        a -> {
          orphans.add(a);
          if (orphans.size() >= p.batchSize()) {
            group(orphans, grouped);
          }
        });
    group(orphans, grouped);
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
            counts[1] += flush(raised, suppressed, channels, stats, grouped);
            counts[2] += suppressed.size();
            suppressed.clear();
          }
        });
    counts[1] += flush(raised, suppressed, channels, stats, grouped);
    counts[2] += suppressed.size();
    NotificationDelivery.Outcome sent = delivery.deliverDue();
    return new Summary(
        counts[0],
        counts[1],
        counts[2],
        grouped[0],
        grouped[1],
        sent,
        (System.nanoTime() - started) / 1e9);
  }

  private void group(List<Alert> alerts, long[] grouped) {
    if (alerts.isEmpty()) {
      return;
    }
    long[] r = cases.attach(List.copyOf(alerts));
    grouped[0] += r[0];
    grouped[1] += r[1];
    alerts.clear();
  }

  private int flush(
      List<Alert> raised,
      List<Suppression> suppressed,
      List<String> channels,
      FlowStats stats,
      long[] grouped) {
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
    group(raised, grouped);
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

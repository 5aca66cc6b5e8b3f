package io.amlmonitor.app;

import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.generator.Typology;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the demo measured, against the generator's labels: decisions by level, alerts by rule, and
 * for each typology how many labelled transactions and accounts were alerted. Thread-safe: the
 * pipeline's workers report concurrently.
 */
final class DemoStats {
  private final Map<String, Typology> labels;
  private final LongAdder decisions = new LongAdder();
  private final LongAdder alerts = new LongAdder();
  private final Map<RiskLevel, LongAdder> byLevel = new EnumMap<>(RiskLevel.class);
  private final Map<RiskLevel, LongAdder> alertsByLevel = new EnumMap<>(RiskLevel.class);
  private final Map<String, LongAdder> alertsByRule = new ConcurrentHashMap<>();
  private final Map<Typology, LongAdder> labelled = new EnumMap<>(Typology.class);
  private final Map<Typology, LongAdder> labelledAlerted = new EnumMap<>(Typology.class);
  private final Map<Typology, Set<String>> accounts = new EnumMap<>(Typology.class);
  private final Map<Typology, Set<String>> accountsAlerted = new EnumMap<>(Typology.class);
  private final Recorder latency = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private Histogram interval;

  /**
   * @param labels the typology of each laundering transaction, by transaction id; absent means
   *     normal
   */
  DemoStats(Map<String, Typology> labels) {
    this.labels = labels;
    for (RiskLevel l : RiskLevel.values()) {
      byLevel.put(l, new LongAdder());
      alertsByLevel.put(l, new LongAdder());
    }
    for (Typology t : Typology.values()) {
      labelled.put(t, new LongAdder());
      labelledAlerted.put(t, new LongAdder());
      accounts.put(t, ConcurrentHashMap.newKeySet());
      accountsAlerted.put(t, ConcurrentHashMap.newKeySet());
    }
  }

  void accept(Decision d) {
    latency.recordValue(Math.max(1, d.processingNanos() / 1000));
    accept(
        d.transaction().id().value(),
        d.transaction().customerId().value(),
        d.riskLevel(),
        d.alert() == null ? null : d.alert().rules());
  }

  /**
   * A decision made elsewhere (by a stream job), without its processing time.
   *
   * @param alertRules the rules of the alert it raised, or null when it raised none
   */
  void accept(String transactionId, String account, RiskLevel level, List<String> alertRules) {
    decisions.increment();
    byLevel.get(level).increment();
    boolean alerted = alertRules != null;
    if (alerted) {
      alerts.increment();
      alertsByLevel.get(level).increment();
      for (String rule : alertRules) {
        alertsByRule.computeIfAbsent(rule, k -> new LongAdder()).increment();
      }
    }
    Typology typology = labels.getOrDefault(transactionId, Typology.NONE);
    labelled.get(typology).increment();
    accounts.get(typology).add(account);
    if (alerted) {
      labelledAlerted.get(typology).increment();
      accountsAlerted.get(typology).add(account);
    }
  }

  long decisions() {
    return decisions.sum();
  }

  long alerts() {
    return alerts.sum();
  }

  /** Latency percentile in microseconds over the interval since the last call, then resets it. */
  synchronized double intervalPercentileMicros(double percentile) {
    interval = latency.getIntervalHistogram(interval);
    total.add(interval);
    return interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(percentile);
  }

  /** Latency percentile in microseconds over the whole run. */
  synchronized double totalPercentileMicros(double percentile) {
    interval = latency.getIntervalHistogram(interval);
    total.add(interval);
    return total.getTotalCount() == 0 ? 0 : total.getValueAtPercentile(percentile);
  }

  long byLevel(RiskLevel level) {
    return byLevel.get(level).sum();
  }

  long alertsByLevel(RiskLevel level) {
    return alertsByLevel.get(level).sum();
  }

  Map<String, Long> alertsByRule() {
    Map<String, Long> out = new java.util.TreeMap<>();
    alertsByRule.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  long labelled(Typology t) {
    return labelled.get(t).sum();
  }

  long labelledAlerted(Typology t) {
    return labelledAlerted.get(t).sum();
  }

  int accounts(Typology t) {
    return accounts.get(t).size();
  }

  int accountsAlerted(Typology t) {
    return accountsAlerted.get(t).size();
  }
}

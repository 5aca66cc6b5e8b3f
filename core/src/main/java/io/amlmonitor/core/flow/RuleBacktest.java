package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.TransactionRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Runs a candidate rule set over history beside the current one, on the same feature vectors, and
 * counts what each would have alerted on, without storing anything. Where an analyst's disposition
 * of an alert is known (SAR: a true positive; false positive), the alerts are also counted as true
 * and false positives.
 */
public final class RuleBacktest {
  /** One rule's counts under both sets (0 under a set that lacks it). */
  public record RuleCounts(
      String ruleId,
      long firesCurrent,
      long firesCandidate,
      long alertsCurrent,
      long alertsCandidate,
      long truePositivesCandidate,
      long falsePositivesCandidate) {}

  /** Both sets' alerts, and their agreement with the known dispositions. */
  public record Result(
      String currentVersion,
      String candidateVersion,
      long scored,
      long alertsCurrent,
      long alertsCandidate,
      long onlyCurrent,
      long onlyCandidate,
      long labelled,
      long truePositivesCurrent,
      long falsePositivesCurrent,
      long truePositivesCandidate,
      long falsePositivesCandidate,
      List<RuleCounts> rules,
      double seconds) {}

  private final Supplier<FeatureEngine> engines;
  private final TransactionRepository transactions;

  public RuleBacktest(Supplier<FeatureEngine> engines, TransactionRepository transactions) {
    this.engines = Objects.requireNonNull(engines, "engines");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * @param labels known outcomes by transaction id: true for a SAR, false for a false positive
   * @param progress given the transactions read so far, every 10,000
   */
  public Result run(
      FlowParameters p,
      Scorer current,
      Scorer candidate,
      Map<String, Boolean> labels,
      LongConsumer progress) {
    long started = System.nanoTime();
    FeatureEngine engine = engines.get();
    TimeRange period = p.period();
    Map<String, long[]> rules = new LinkedHashMap<>();
    current.ruleSet().rules().forEach(r -> rules.put(r.id(), new long[6]));
    candidate.ruleSet().rules().forEach(r -> rules.putIfAbsent(r.id(), new long[6]));
    long[] totals = new long[10];
    long[] read = {0};
    transactions.forEachIn(
        p.history(),
        t -> {
          if (period.contains(t.timestamp())) {
            score(t, engine.featuresFor(t), current, candidate, labels, p, rules, totals);
          }
          engine.ingest(t);
          if (++read[0] % 10_000 == 0) {
            progress.accept(read[0]);
          }
        });
    List<RuleCounts> counts = new ArrayList<>();
    rules.forEach((id, c) -> counts.add(new RuleCounts(id, c[0], c[1], c[2], c[3], c[4], c[5])));
    return new Result(
        current.ruleSet().version(),
        candidate.ruleSet().version(),
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        totals[5],
        totals[6],
        totals[7],
        totals[8],
        totals[9],
        counts,
        (System.nanoTime() - started) / 1e9);
  }

  private static void score(
      Transaction t,
      FeatureVector f,
      Scorer current,
      Scorer candidate,
      Map<String, Boolean> labels,
      FlowParameters p,
      Map<String, long[]> rules,
      long[] totals) {
    Assessment a = current.assess(t, f);
    Assessment b = candidate.assess(t, f);
    boolean alertA = a.riskScore() >= p.alertThreshold();
    boolean alertB = b.riskScore() >= p.alertThreshold();
    Boolean label = labels.get(t.id().value());
    totals[0]++;
    totals[1] += alertA ? 1 : 0;
    totals[2] += alertB ? 1 : 0;
    totals[3] += alertA && !alertB ? 1 : 0;
    totals[4] += alertB && !alertA ? 1 : 0;
    if (label != null) {
      totals[5]++;
      totals[6] += alertA && label ? 1 : 0;
      totals[7] += alertA && !label ? 1 : 0;
      totals[8] += alertB && label ? 1 : 0;
      totals[9] += alertB && !label ? 1 : 0;
    }
    for (String id : a.ruleIds()) {
      long[] c = rules.get(id);
      c[0]++;
      c[2] += alertA ? 1 : 0;
    }
    for (String id : b.ruleIds()) {
      long[] c = rules.get(id);
      c[1]++;
      if (alertB) {
        c[3]++;
        if (label != null) {
          c[label ? 4 : 5]++;
        }
      }
    }
  }
}

package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Explanation;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.core.store.TransactionRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code transaction_monitoring} flow: replays stored transactions through a fresh feature
 * engine, exactly as the live path saw them, and stores a decision for every transaction of the
 * period that has none.
 *
 * <p>Re-running it is idempotent: a transaction keeps its first decision. A run that stopped
 * (killed, store gone too long) is resumed by the next run over the same period: the history up to
 * its checkpoint feeds the windows again without being scored.
 *
 * <p>Implementation note: the feature engine runs on one thread in event-time order, because a
 * transaction's merchant and receiving-account windows hold other customers' payments and must see
 * them in order; partitioning by customer alone would get those features wrong. Rules, decisions
 * and writes, which need no order, run on the workers. A decision keeps its feature values when a
 * rule fired or it reached the alert threshold (the evidence an alert and a case need); the values
 * of an unremarkable decision are left out, since {@code aml backfill} recomputes them exactly.
 */
public final class TransactionMonitoring {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionMonitoring.class);

  /** What a run did. */
  public record Summary(
      String runId,
      boolean resumed,
      long read,
      long warmUp,
      long alreadyDone,
      long scored,
      long newDecisions,
      long alertCandidates,
      double seconds) {

    /** Transactions read per second of the run. */
    public double rate() {
      return seconds <= 0 ? read : read / seconds;
    }
  }

  private final Supplier<FeatureEngine> engines;
  private final Scorer scorer;
  private final TransactionRepository transactions;
  private final DecisionRepository decisions;
  private final FlowRunRepository runs;
  private final InstantSource clock;
  private final Duration storeGiveUp;
  private final Locale locale;
  private final NetworkWatch network;

  /**
   * @param engines a new, empty feature engine for each run
   * @param clock processing time: decisions' and runs' timestamps
   * @param storeGiveUp how long a worker retries while the store is away before the run fails
   * @param locale the language in which a decision's reasons are kept
   */
  public TransactionMonitoring(
      Supplier<FeatureEngine> engines,
      Scorer scorer,
      TransactionRepository transactions,
      DecisionRepository decisions,
      FlowRunRepository runs,
      InstantSource clock,
      Duration storeGiveUp,
      Locale locale) {
    this(engines, scorer, transactions, decisions, runs, clock, storeGiveUp, locale, null);
  }

  /**
   * A flow that also watches the network: every transaction enters a fresh graph in event-time
   * order, and the typologies a scored transaction completes join its decision (see {@link
   * NetworkWatch}) and are stored with their subgraphs.
   *
   * @param network the graph and where findings go, or null to leave the network out
   */
  public TransactionMonitoring(
      Supplier<FeatureEngine> engines,
      Scorer scorer,
      TransactionRepository transactions,
      DecisionRepository decisions,
      FlowRunRepository runs,
      InstantSource clock,
      Duration storeGiveUp,
      Locale locale,
      NetworkWatch network) {
    this.network = network;
    this.engines = Objects.requireNonNull(engines, "engines");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.storeGiveUp = Objects.requireNonNull(storeGiveUp, "storeGiveUp");
    this.locale = Objects.requireNonNull(locale, "locale");
  }

  /**
   * Runs the flow over {@code p}'s period, resuming an unfinished run of the same period.
   *
   * @param parametersJson the parameters as the run's record keeps them
   * @throws FlowFailedException when a worker failed or the store stayed away; the checkpoint is
   *     kept
   */
  public Summary run(FlowParameters p, String parametersJson, FlowStats stats) {
    TimeRange period = p.period();
    Optional<FlowRun> unfinished = runs.unfinished(FlowName.TRANSACTION_MONITORING, period);
    FlowRun run;
    if (unfinished.isPresent()) {
      run = unfinished.get();
      runs.resume(run.runId(), clock.instant());
      LOG.info("resuming run {} from {}", run.runId(), run.checkpoint());
    } else {
      run =
          new FlowRun(
              UUID.randomUUID().toString(),
              FlowName.TRANSACTION_MONITORING,
              FlowRun.Status.RUNNING,
              period,
              clock.instant(),
              null,
              0);
      runs.start(run, parametersJson);
    }
    TimeRange history = p.history();
    stats.expect(transactions.countIn(history));
    MonitoringPipeline pipeline =
        new MonitoringPipeline(
            engines.get(),
            network,
            GraphFeatures.neededBy(scorer),
            p,
            run,
            stats,
            new StoreRetry(storeGiveUp, stats),
            this::decide);
    long started = System.nanoTime();
    MonitoringPipeline.Counts counts;
    try {
      counts = pipeline.run(transactions, history, decisions, runs, clock);
    } catch (RuntimeException e) {
      runs.finish(run.runId(), FlowRun.Status.FAILED, stats.processed(), e.toString(), now());
      throw e instanceof FlowFailedException f
          ? f
          : new FlowFailedException("transaction_monitoring failed: " + e.getMessage(), e);
    }
    Summary summary =
        new Summary(
            run.runId(),
            unfinished.isPresent(),
            counts.read(),
            counts.warmUp(),
            counts.alreadyDone(),
            counts.scored(),
            stats.written(),
            stats.flagged(),
            (System.nanoTime() - started) / 1e9);
    runs.finish(run.runId(), FlowRun.Status.COMPLETED, counts.read(), summary.toString(), now());
    return summary;
  }

  private Instant now() {
    return clock.instant();
  }

  /** Scores one batch: the decisions to store and how many reached the threshold. */
  private Scored decide(
      List<Transaction> batch,
      List<FeatureVector> features,
      List<List<NetworkFinding>> findings,
      double alertThreshold) {
    List<DecisionRecord> out = new ArrayList<>(batch.size());
    int candidates = 0;
    Instant at = clock.instant();
    for (int i = 0; i < batch.size(); i++) {
      FeatureVector f = features.get(i);
      if (f == null) {
        continue;
      }
      Transaction t = batch.get(i);
      Assessment a = scorer.assess(t, f);
      List<NetworkFinding> found = findings == null ? List.of() : findings.get(i);
      if (found != null && !found.isEmpty()) {
        out.add(withNetwork(t, a, f, found, at));
        candidates +=
            network.verdict(a, found, scorer.thresholds(), locale).riskScore() >= alertThreshold
                ? 1
                : 0;
        continue;
      }
      boolean evidence = !a.firedRules().isEmpty() || a.riskScore() >= alertThreshold;
      if (a.riskScore() >= alertThreshold) {
        candidates++;
      }
      out.add(
          new DecisionRecord(
              t.id(),
              at,
              a.riskScore(),
              a.riskLevel(),
              a.ruleIds(),
              a.ruleSetVersion(),
              null,
              evidence ? f.asMap() : Map.of(),
              evidence ? Explanation.of(a, locale) : List.of()));
    }
    return new Scored(out, candidates);
  }

  /** The decision of a transaction that completed network typologies: always kept as evidence. */
  private DecisionRecord withNetwork(
      Transaction t, Assessment a, FeatureVector f, List<NetworkFinding> found, Instant at) {
    NetworkWatch.Verdict v = network.verdict(a, found, scorer.thresholds(), locale);
    List<String> reasons = new ArrayList<>(v.networkReasons());
    if (!a.firedRules().isEmpty()) {
      reasons.addAll(Explanation.of(a, locale));
    }
    return new DecisionRecord(
        t.id(),
        at,
        v.riskScore(),
        v.riskLevel(),
        v.rules(),
        a.ruleSetVersion(),
        null,
        f.asMap(),
        reasons);
  }

  /** The decisions of one batch. */
  record Scored(List<DecisionRecord> decisions, int alertCandidates) {}

  /** How a batch is scored, for the pipeline. */
  @FunctionalInterface
  interface Decider {
    Scored decide(
        List<Transaction> batch,
        List<FeatureVector> features,
        List<List<NetworkFinding>> findings,
        double alertThreshold);
  }
}

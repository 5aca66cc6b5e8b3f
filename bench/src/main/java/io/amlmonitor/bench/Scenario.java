package io.amlmonitor.bench;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import java.time.InstantSource;
import java.util.Locale;

/**
 * A population, its history and the transactions that follow it, generated once per trial so that
 * benchmarks measure the engine and never the generator.
 *
 * <p>Benchmarks that change the engine start each iteration from a fresh engine loaded with the
 * same history ({@link #loadedEngine()}) and consume {@link #stream} from its start, so every
 * iteration measures the same thing. A stream that runs out fails the run rather than wrapping
 * around, since replayed transactions would be duplicates and measure a different path.
 */
final class Scenario {
  /** The alert threshold of the processor under test, as in the service's default settings. */
  static final double ALERT_THRESHOLD = 0.5;

  final Workload workload;
  final Transaction[] history;
  final Transaction[] stream;

  private Scenario(Workload workload, Transaction[] history, Transaction[] stream) {
    this.workload = workload;
    this.history = history;
    this.stream = stream;
  }

  /**
   * @param historyDays days of event time loaded before measuring
   * @param streamSize transactions that follow the history, for benchmarks that ingest
   */
  static Scenario generate(int customers, double historyDays, int streamSize) {
    Workload workload = Workload.of(customers);
    Transaction[] history = workload.nextDays(historyDays);
    Transaction[] stream = workload.next(streamSize);
    return new Scenario(workload, history, stream);
  }

  /**
   * A new in-memory engine with the whole history ingested, then a full collection, so that the
   * loaded state sits in the old generation as it would in a service that has run for a while, and
   * the first young collections of the measurement do not copy it.
   */
  FeatureEngine loadedEngine() {
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    for (Transaction t : history) {
      engine.ingest(t);
    }
    System.gc();
    return engine;
  }

  /** Event time, in epoch ms, just after the last history transaction. */
  long historyEndMillis() {
    return history[history.length - 1].timestamp().toEpochMilli() + 1;
  }

  /** The stream transaction at {@code cursor}, failing clearly when the stream is too short. */
  Transaction streamAt(int cursor) {
    if (cursor >= stream.length) {
      throw new IllegalStateException(
          "the pre-generated stream of "
              + stream.length
              + " transactions ran out within one iteration; raise -p streamSize or shorten -r");
    }
    return stream[cursor];
  }

  /** The use case as the service wires it: default rules and thresholds, in-memory alerts. */
  static TransactionProcessor processor(FeatureEngine engine) {
    Scorer scorer = scorer(engine);
    return new TransactionProcessor(
        engine,
        scorer,
        new InMemoryAlertRepository(),
        ALERT_THRESHOLD,
        InstantSource.fixed(Workload.START),
        Locale.ENGLISH);
  }

  /** The default rule set with the default thresholds. */
  static Scorer scorer(FeatureEngine engine) {
    return new Scorer(
        new RuleSetLoader(engine.registry(), engine.settings().zone()).loadDefault(),
        RiskThresholds.DEFAULT);
  }

  /** One line on what was generated, for the run log. */
  String describe() {
    return String.format(
        "%,d customers, %,d history transactions (%.1f days), %,d stream transactions",
        workload.customers(),
        history.length,
        (historyEndMillis() - Workload.START.toEpochMilli()) / (double) Workload.MILLIS_PER_DAY,
        stream.length);
  }
}

package io.amlmonitor.server;

import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the API serves from: the use case, the stores and the clock, wired by the application.
 *
 * @param processor the features and rules, for reads ({@code /features}) and health
 * @param scoring how {@code /predict} records and scores
 * @param ingest how {@code POST /transactions} records and queues
 * @param clock the request clock: default timestamps and the "now" of feature reads
 * @param locale the language of explanations when the request does not ask for one
 * @param maxBatchSize most transactions one {@code /batch-predict} may carry
 * @param cases the case workflow, or null when cases are not kept (the case endpoints answer 503)
 */
public record ApiContext(
    TransactionProcessor processor,
    TransactionScoring scoring,
    TransactionIngest ingest,
    AlertRepository alerts,
    InstantSource clock,
    Locale locale,
    List<HealthIndicator> health,
    PrometheusMeterRegistry metrics,
    int maxBatchSize,
    long maxBodyBytes,
    CaseService cases) {

  public ApiContext {
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(locale, "locale");
    health = List.copyOf(health);
    Objects.requireNonNull(metrics, "metrics");
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("max batch size must be positive, was " + maxBatchSize);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "max body size must be at least 1 KiB, was " + maxBodyBytes);
    }
  }

  /** A context without cases. */
  public ApiContext(
      TransactionProcessor processor,
      TransactionScoring scoring,
      TransactionIngest ingest,
      AlertRepository alerts,
      InstantSource clock,
      Locale locale,
      List<HealthIndicator> health,
      PrometheusMeterRegistry metrics,
      int maxBatchSize,
      long maxBodyBytes) {
    this(
        processor,
        scoring,
        ingest,
        alerts,
        clock,
        locale,
        health,
        metrics,
        maxBatchSize,
        maxBodyBytes,
        null);
  }

  /** This context with {@code cases} as the case workflow. */
  public ApiContext withCases(CaseService cases) {
    return new ApiContext(
        processor,
        scoring,
        ingest,
        alerts,
        clock,
        locale,
        health,
        metrics,
        maxBatchSize,
        maxBodyBytes,
        cases);
  }
}

package io.amlmonitor.app;

import io.amlmonitor.app.config.GraphSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.EmbeddedPipeline;
import io.amlmonitor.core.pipeline.InMemoryDeadLetterSink;
import io.amlmonitor.core.pipeline.Intake;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.server.ApiContext;
import io.amlmonitor.server.ApiServer;
import io.amlmonitor.server.HealthIndicator;
import io.amlmonitor.server.TransactionScoring;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live runtime, wired: feature state, the rule set, the durable stores (the SQL system of
 * record as journal, decision log and alert store, or nothing durable for checks), dead letters,
 * the in-process pipeline, metrics, and the HTTP API on demand. One instance per process.
 */
public final class EmbeddedRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

  private final Settings settings;
  private final FeatureEngine engine;
  private final TransactionProcessor processor;
  private final EmbeddedPipeline pipeline;
  private final InMemoryDeadLetterSink deadLetters = new InMemoryDeadLetterSink(1000);
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final InstantSource requestClock;
  private final LiveStores stores;
  private final Intake intake;
  private final StreamFedScoring streamFed;
  private final ModelServing models;
  private ApiServer server;

  /**
   * @param requestClock "now" for API reads and default timestamps: the system clock when serving,
   *     the stream's clock when replaying history
   * @param decisions receives every decision the pipeline makes
   */
  public EmbeddedRuntime(
      Settings settings, InstantSource requestClock, Consumer<Decision> decisions) {
    this(settings, requestClock, decisions, CustomerProfiles.NONE, LiveStores.none());
  }

  /**
   * @param profiles what customers declared at onboarding, for profile features
   * @param stores the durable stores, which the runtime now owns and closes; when they hold
   *     transactions, feature state is rebuilt from them before anything else runs
   */
  EmbeddedRuntime(
      Settings settings,
      InstantSource requestClock,
      Consumer<Decision> decisions,
      CustomerProfiles profiles,
      LiveStores stores) {
    this(settings, requestClock, decisions, profiles, stores, null);
  }

  /**
   * Where a stream job counts the transactions: the job writes the feature state this instance
   * serves (Redis) and records the decisions; this instance's API scores against that state and
   * writes each transaction to the job's topic ({@link StreamFedScoring}).
   */
  record StreamFeed(String bootstrapServers, String topic) {}

  /**
   * @param feed null for the embedded path (this process counts what it scores); otherwise the
   *     stream job's topic, and then this instance writes no feature state: it neither rebuilds it
   *     from the system of record nor adds to it
   */
  EmbeddedRuntime(
      Settings settings,
      InstantSource requestClock,
      Consumer<Decision> decisions,
      CustomerProfiles profiles,
      LiveStores stores,
      StreamFeed feed) {
    this.settings = settings;
    this.requestClock = requestClock;
    this.stores = stores;
    for (String name : settings.pendingIntegrations()) {
      LOG.warn("{} is set, but this build does not use it in the live pipeline yet", name);
    }
    FeatureRegistry standard = FeatureRegistry.standard();
    FeatureSettings featureSettings = featureSettings(settings);
    this.engine =
        new FeatureEngine(
            standard, featureSettings, stores.stateStore(standard, featureSettings), profiles);
    FeatureRegistry registry = engine.registry();
    RuleSetLoader loader = new RuleSetLoader(registry, settings.zone());
    RuleSet rules =
        settings.rulesFile() == null ? loader.loadDefault() : loader.load(settings.rulesFile());
    LOG.info(
        "Loaded {} rules, version {}, from {}",
        rules.rules().size(),
        rules.version(),
        rules.source());
    AlertRepository alerts = stores.alerts();
    Scorer scorer = new Scorer(rules, settings.riskThresholds());
    this.models =
        ModelServing.start(
            scorer, ModelsCommand.registryDir(settings, null), ModelServing.POLL, metrics);
    this.processor =
        new TransactionProcessor(
            engine,
            scorer,
            alerts,
            settings.alertThreshold(),
            InstantSource.system(),
            settings.locale(),
            network(settings.graph(), stores));
    this.pipeline =
        new EmbeddedPipeline(
            processor,
            settings.pipelinePartitions(),
            settings.queueCapacity(),
            decisions.andThen(stores.decisionLog()),
            deadLetters,
            InstantSource.system());
    this.intake =
        new Intake(stores.journal(), processor, pipeline, decisions.andThen(stores.decisionLog()));
    if (feed == null) {
      this.streamFed = null;
      stores.catchUp(processor, System.out);
      if (processor.graph() != null) {
        stores.rebuildGraph(processor.graph(), System.out);
      }
      stores.checkpointFrom(this::appliedBefore);
    } else {
      if (!stores.sharedState()) {
        throw new IllegalStateException(
            "a stream-fed instance serves the job's features from Redis: set REDIS_HOST");
      }
      this.streamFed = new StreamFedScoring(processor, feed.bootstrapServers(), feed.topic());
      stores.followPopulation(engine);
    }
    registerMetrics();
  }

  /** How the live path watches the network, or null when GRAPH_DETECTION is off. */
  private static NetworkWatch network(GraphSettings g, LiveStores stores) {
    if (!g.detection()) {
      return null;
    }
    return new NetworkWatch(() -> Graphs.open(g), stores.networkFindings(), g.typologyScore());
  }

  /**
   * The feature engine the settings describe, with in-memory state: the one definition the live
   * path, backfills and the consistency check share, so their features cannot drift apart.
   */
  static FeatureEngine featureEngine(Settings settings, CustomerProfiles profiles) {
    return new FeatureEngine(
        FeatureRegistry.standard(),
        featureSettings(settings),
        new InMemoryEntityStateStore(),
        profiles);
  }

  static FeatureSettings featureSettings(Settings settings) {
    return FeatureSettings.DEFAULT
        .withZone(settings.zone())
        .withAllowedLateness(settings.allowedLateness());
  }

  private void registerMetrics() {
    new JvmMemoryMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    Gauge.builder("aml_pipeline_queue_length", pipeline, EmbeddedPipeline::queued)
        .description("Transactions waiting in the in-process pipeline")
        .register(metrics);
    Gauge.builder("aml_transactions_processed", pipeline, EmbeddedPipeline::processedCount)
        .description("Transactions the pipeline has processed")
        .register(metrics);
    Gauge.builder("aml_transactions_failed", pipeline, EmbeddedPipeline::failedCount)
        .description("Transactions that failed processing and went to dead letters")
        .register(metrics);
    Gauge.builder("aml_features_late_events", engine, FeatureEngine::lateCount)
        .description("Events that arrived after the allowed lateness, left out of windows")
        .register(metrics);
    Gauge.builder(
            "aml_features_late_counterparty_events", engine, FeatureEngine::lateCounterpartyCount)
        .description(
            "Payments placed for the payer but too late for the merchant's or receiver's windows")
        .register(metrics);
    Gauge.builder("aml_features_duplicate_events", engine, FeatureEngine::duplicateCount)
        .description("Repeated transaction ids, counted once")
        .register(metrics);
    Gauge.builder("aml_alerts", processor.alerts(), a -> a.count())
        .description("Alerts raised")
        .register(metrics);
  }

  /**
   * An instant before which every journaled transaction has reached the feature state and had its
   * decision written: now, or when the oldest transaction still in the pipeline, or the oldest
   * decision still unwritten, was queued.
   */
  private Instant appliedBefore() {
    Instant now = Instant.now();
    long nanoNow = System.nanoTime();
    long oldest = nanoNow;
    OptionalLong queued = pipeline.oldestPendingNanos();
    if (queued.isPresent()) {
      oldest = Math.min(oldest, queued.getAsLong());
    }
    OptionalLong unrecorded = stores.oldestUnrecordedNanos();
    if (unrecorded.isPresent()) {
      oldest = Math.min(oldest, unrecorded.getAsLong());
    }
    return now.minusNanos(nanoNow - oldest);
  }

  /** Starts the HTTP API on {@code port} (0 picks a free one). */
  public ApiServer startApi(int port) {
    ApiContext context =
        new ApiContext(
            processor,
            streamFed != null ? streamFed : embeddedScoring(),
            streamFed != null ? streamFed : t -> intake.enqueue(t, Duration.ofMillis(200)),
            processor.alerts(),
            requestClock,
            settings.locale(),
            healthIndicators(),
            metrics,
            settings.maxBatchSize(),
            settings.maxBodyBytes());
    // The audit trail records when analysts act: the wall clock, even when replaying history.
    context = context.withCases(stores.cases(InstantSource.system()));
    server = new ApiServer(context).start(settings.apiHost(), port);
    LOG.info("API listening on http://{}:{}", settings.apiHost(), server.port());
    return server;
  }

  private TransactionScoring embeddedScoring() {
    return new TransactionScoring() {
      @Override
      public Decision score(Transaction t) {
        return intake.score(t);
      }

      @Override
      public List<Decision> scoreAll(List<Transaction> batch) {
        return intake.scoreAll(batch);
      }
    };
  }

  private List<HealthIndicator> healthIndicators() {
    return List.of(
        streamFed != null
            ? indicator(
                "pipeline",
                () ->
                    Map.of(
                        "mode", "stream",
                        "topic", streamFed.topic(),
                        "published", streamFed.published(),
                        "publish_failures", streamFed.failures()))
            : indicator(
                "pipeline",
                () ->
                    Map.of(
                        "mode", "embedded",
                        "partitions", pipeline.partitions(),
                        "queued", pipeline.queued(),
                        "processed", pipeline.processedCount(),
                        "dead_letters", deadLetters.count())),
        stores.stateHealth(
            () ->
                Map.of(
                    "customers", engine.entityCount(EntityType.CUSTOMER),
                    "merchants", engine.entityCount(EntityType.MERCHANT),
                    "late_events", engine.lateCount())),
        stores.health(),
        indicator(
            "alert_store",
            () ->
                Map.of(
                    "mode",
                    stores.durable() ? "system of record" : "in-memory",
                    "alerts",
                    processor.alerts().count())),
        indicator("model", models::health),
        indicator(
            "rules",
            () ->
                Map.of(
                    "version", processor.scorer().ruleSet().version(),
                    "rules", processor.scorer().ruleSet().rules().size(),
                    "evaluation_errors", processor.scorer().ruleSet().evaluationErrors())));
  }

  private static HealthIndicator indicator(
      String name, java.util.function.Supplier<Map<String, Object>> details) {
    return new HealthIndicator() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Status check() {
        return Status.up(details.get());
      }
    };
  }

  public FeatureEngine engine() {
    return engine;
  }

  public TransactionProcessor processor() {
    return processor;
  }

  public EmbeddedPipeline pipeline() {
    return pipeline;
  }

  /** Where transactions enter: journaled first, then scored or queued. */
  public Intake intake() {
    return intake;
  }

  public InMemoryDeadLetterSink deadLetters() {
    return deadLetters;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    models.close();
    pipeline.close();
    if (streamFed != null) {
      streamFed.close();
    }
    if (processor.graph() != null) {
      processor.graph().close();
    }
    stores.close();
  }

  /** The promoted model's serving: which version scores, and a check of the registry now. */
  ModelServing models() {
    return models;
  }
}

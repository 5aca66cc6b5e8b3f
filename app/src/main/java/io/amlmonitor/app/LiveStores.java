package io.amlmonitor.app;

import io.amlmonitor.app.config.RedisSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.EntityStateStore;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import io.amlmonitor.core.graph.InMemoryNetworkFindingRepository;
import io.amlmonitor.core.graph.NetworkFindingRepository;
import io.amlmonitor.core.graph.TransactionGraph;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.DecisionRecorder;
import io.amlmonitor.core.pipeline.GroupCommitJournal;
import io.amlmonitor.core.pipeline.TransactionJournal;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.redis.CachedRedisEntityStateStore;
import io.amlmonitor.server.HealthIndicator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of a live runtime: the SQL system of record (PostgreSQL or the embedded file) as
 * the transaction journal, the decision log and the alert store — or nothing durable at all, for
 * replays and checks that only compare features.
 */
final class LiveStores implements AutoCloseable {
  private static final int JOURNAL_MAX_BATCH = 2_000;
  private static final int JOURNAL_MAX_WAITING = 4_096;
  private static final int DECISION_BATCH = 1_000;
  private static final int DECISION_BACKLOG = 200_000;
  private static final int REPLAY_BATCH = 1_024;
  private static final Duration CHECKPOINT_MARGIN = Duration.ofMinutes(1);
  private static final Duration UNDECIDED_MARGIN = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(LiveStores.class);

  private final Database database;
  private final RedisSettings redis;
  private CachedRedisEntityStateStore redisState;
  private java.util.concurrent.ScheduledExecutorService populationRefresh;
  private final GroupCommitJournal journal;
  private final DecisionRecorder decisions;
  private final AlertRepository alerts;

  private LiveStores(Database database, RedisSettings redis, InstantSource clock) {
    this.database = database;
    this.redis = redis;
    if (database == null) {
      this.journal = null;
      this.decisions = null;
      this.alerts = new InMemoryAlertRepository();
    } else {
      this.journal =
          new GroupCommitJournal(database.transactions(), JOURNAL_MAX_BATCH, JOURNAL_MAX_WAITING);
      this.decisions =
          new DecisionRecorder(database.decisions(), clock, DECISION_BATCH, DECISION_BACKLOG);
      this.alerts = new RecordedAlerts(database.alerts());
    }
  }

  /**
   * Opens (and migrates) the SQL database the settings name.
   *
   * @throws io.amlmonitor.core.store.StoreUnavailableException naming it when it cannot be reached
   */
  static LiveStores open(Settings settings) {
    return open(SqlStores.config(settings), settings.redis());
  }

  /**
   * @param redis where feature state lives, or null for this process's memory
   */
  static LiveStores open(DatabaseConfig config, RedisSettings redis) {
    return new LiveStores(Database.open(config), redis, InstantSource.system());
  }

  /** Nothing durable: in-memory alerts and state, no journal, decisions kept nowhere. */
  static LiveStores none() {
    return new LiveStores(null, null, InstantSource.system());
  }

  /**
   * Where feature state lives: Redis when configured (shared by every instance, and outliving this
   * process), else this process's memory (rebuilt from the journal at each start).
   */
  EntityStateStore stateStore(FeatureRegistry registry, FeatureSettings featureSettings) {
    if (redis == null) {
      return new InMemoryEntityStateStore();
    }
    if (redisState == null) {
      redisState =
          new CachedRedisEntityStateStore(
              redis.host(),
              redis.port(),
              new EntityStateCodec(registry, featureSettings),
              redis.keyPrefix(),
              redis.ttl(),
              redis.flushInterval());
      redisState.ping();
    }
    return redisState;
  }

  /** Whether feature state outlives this process (it is then not rebuilt at start). */
  boolean sharedState() {
    return redis != null;
  }

  /**
   * Brings feature state up to date with the journal after a start: all of it into memory, or, for
   * state in Redis, what the journal received since Redis's last checkpoint (less a margin for
   * transactions between journal and pipeline at that moment, and for clocks that differ).
   */
  void catchUp(TransactionProcessor processor, PrintStream out) {
    if (database == null) {
      return;
    }
    Instant from =
        redisState == null
            ? StateRebuild.BEGINNING
            : redisState
                .checkpoint()
                .map(c -> c.minus(CHECKPOINT_MARGIN))
                .orElse(StateRebuild.BEGINNING);
    // Transactions journaled but not yet decided when the process stopped: scored during the
    // replay, at their place in event time, so their decisions and alerts are not lost either.
    Set<TransactionId> undecided =
        database
            .decisions()
            .latestCreatedAt()
            .map(
                latest ->
                    database.decisions().undecidedReceivedSince(latest.minus(UNDECIDED_MARGIN)))
            .orElse(Set.of());
    FeatureEngine engine = processor.engine();
    if (redisState != null) {
      sharePopulation(engine);
    }
    // Runs of transactions that only feed the windows go in batches: the engine reads the state
    // of a batch's parties ahead (docs/benchmarks.md, "ingestAll").
    List<Transaction> pending = new ArrayList<>(REPLAY_BATCH);
    StateRebuild.run(
        database.transactions(),
        t -> {
          if (undecided.contains(t.id())) {
            ingest(engine, pending);
            decisions.accept(processor.process(t));
          } else {
            pending.add(t);
            if (pending.size() == REPLAY_BATCH) {
              ingest(engine, pending);
            }
          }
        },
        from,
        out);
    ingest(engine, pending);
    if (!undecided.isEmpty()) {
      LOG.info("Scored {} transactions that had no decision yet", undecided.size());
    }
    if (redisState != null) {
      redisState.flush();
    }
  }

  private static void ingest(FeatureEngine engine, List<Transaction> pending) {
    if (!pending.isEmpty()) {
      engine.ingestAll(pending);
      pending.clear();
    }
  }

  /**
   * Population statistics through Redis: this instance starts from those last written, writes its
   * own at each flush once it ingests, and, while it has ingested nothing, keeps reloading the
   * writer's every second, so a read-only instance serves the population features as the writer
   * does.
   */
  private void sharePopulation(FeatureEngine engine) {
    redisState.populationFrom(() -> engine.population().toBytes());
    followPopulation(engine);
  }

  /**
   * For an instance that only reads the shared feature state (another process writes it): keeps the
   * population statistics as the writer last wrote them, reloaded every second.
   */
  void followPopulation(FeatureEngine engine) {
    if (redisState == null) {
      return;
    }
    loadPopulation(engine);
    populationRefresh =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "population-refresh");
              t.setDaemon(true);
              return t;
            });
    populationRefresh.scheduleWithFixedDelay(
        () -> {
          if (engine.acceptedCount() == 0) {
            loadPopulation(engine);
          }
        },
        1,
        1,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  private void loadPopulation(FeatureEngine engine) {
    try {
      redisState.population().ifPresent(engine.population()::load);
    } catch (RuntimeException e) {
      LOG.warn("Cannot load the shared population statistics: {}", e.getMessage());
    }
  }

  /** When the oldest decision not yet written was queued ({@link System#nanoTime}), if any. */
  OptionalLong oldestUnrecordedNanos() {
    return decisions == null ? OptionalLong.empty() : decisions.oldestPendingNanos();
  }

  /**
   * Tells the Redis state store how far the live path has applied the journal: everything received
   * before {@code appliedBefore} (checked at each flush).
   */
  void checkpointFrom(Supplier<Instant> appliedBefore) {
    if (redisState != null) {
      redisState.checkpointFrom(appliedBefore);
    }
  }

  /** What {@code /health} says about the feature state store. */
  HealthIndicator stateHealth(Supplier<Map<String, Object>> counts) {
    return new HealthIndicator() {
      @Override
      public String name() {
        return "feature_store";
      }

      @Override
      public Status check() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (redisState == null) {
          details.put("mode", "in-memory");
          details.putAll(counts.get());
          return Status.up(details);
        }
        details.put("mode", "redis");
        details.put("server", redis.host() + ":" + redis.port());
        details.put("key_prefix", redis.keyPrefix());
        details.put("ttl_seconds", redis.ttl().toSeconds());
        details.put("unwritten_entities", redisState.unwrittenEntities());
        details.put("entity_writes", redisState.writtenCount());
        details.put("write_conflicts", redisState.conflictCount());
        details.put("failed_flushes", redisState.failedFlushCount());
        details.put("incompatible_states_dropped", redisState.incompatibleStates());
        try {
          redisState.ping();
        } catch (RuntimeException e) {
          details.put("reason", String.valueOf(e.getMessage()));
          return new Status(false, details);
        }
        String flushError = redisState.lastFlushError();
        if (flushError != null) {
          details.put("reason", flushError);
          return new Status(false, details);
        }
        return Status.up(details);
      }
    };
  }

  boolean durable() {
    return database != null;
  }

  TransactionJournal journal() {
    return journal == null ? TransactionJournal.NONE : journal;
  }

  Consumer<Decision> decisionLog() {
    return decisions == null ? d -> {} : decisions;
  }

  AlertRepository alerts() {
    return alerts;
  }

  /** Where network findings go: the system of record, or memory when there is none. */
  NetworkFindingRepository networkFindings() {
    return database == null ? new InMemoryNetworkFindingRepository() : database.networkFindings();
  }

  /**
   * Adds every stored transaction to {@code graph} (the in-memory graph starts empty at each
   * start), with a progress line on {@code out}.
   */
  void rebuildGraph(TransactionGraph graph, PrintStream out) {
    if (database != null) {
      StateRebuild.run(database.transactions(), graph::add, Instant.EPOCH, out);
    }
  }

  /**
   * The case workflow over the system of record, with "now" from {@code clock}; null when nothing
   * is durable, since cases outlive the process by nature.
   */
  CaseService cases(InstantSource clock) {
    return database == null
        ? null
        : new CaseService(
            database.cases(),
            EvidenceSource.of(database.transactions(), database.decisions(), database.customers()),
            clock);
  }

  /** What {@code /health} says about the system of record. */
  HealthIndicator health() {
    return new HealthIndicator() {
      @Override
      public String name() {
        return "system_of_record";
      }

      @Override
      public Status check() {
        if (database == null) {
          return Status.up(Map.of("mode", "none (nothing is kept)"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", database.dialect().toString().toLowerCase(Locale.ROOT));
        details.put("database", database.config().describe());
        details.put("decisions_recorded", decisions.recordedCount());
        details.put("decisions_waiting", decisions.backlog());
        details.put("decisions_dropped", decisions.droppedCount());
        try {
          database.ping();
        } catch (RuntimeException e) {
          details.put("reason", String.valueOf(e.getMessage()));
          return new Status(false, details);
        }
        return Status.up(details);
      }
    };
  }

  /** Writes the decisions still queued, then closes the journal and the pool. */
  @Override
  public void close() {
    if (populationRefresh != null) {
      populationRefresh.shutdownNow();
    }
    if (decisions != null) {
      decisions.close();
    }
    if (journal != null) {
      journal.close();
    }
    if (database != null) {
      database.close();
    }
    if (redisState != null) {
      redisState.close();
    }
  }
}

package io.amlmonitor.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.GraphSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.cases.AlertAttachment;
import io.amlmonitor.core.cases.CaseId;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.flow.AlertGeneration;
import io.amlmonitor.core.flow.AlertNotifier;
import io.amlmonitor.core.flow.CustomerRisk;
import io.amlmonitor.core.flow.CustomerRiskModel;
import io.amlmonitor.core.flow.FlowFailedException;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.flow.FlowParameters;
import io.amlmonitor.core.flow.FlowStats;
import io.amlmonitor.core.flow.NotificationDelivery;
import io.amlmonitor.core.flow.TransactionMonitoring;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.RuleSetRepository;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the system of record, runs the chosen flows one after another and reports on each. */
final class FlowRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_NOTIFICATION_ATTEMPTS = 10;
  private static final String CASE_ACTOR = "alert_generation";

  private final Settings settings;
  private final FlowSettings flowSettings;
  private final GraphSettings graphSettings;
  private final InstantSource clock;
  private final PrintStream out;
  private final AppMessages msg;

  FlowRunner(Settings settings, FlowSettings flowSettings, InstantSource clock, PrintStream out) {
    this(settings, flowSettings, null, clock, out);
  }

  /**
   * @param graphSettings how the monitoring flow watches the network, or null to leave it out
   */
  FlowRunner(
      Settings settings,
      FlowSettings flowSettings,
      GraphSettings graphSettings,
      InstantSource clock,
      PrintStream out) {
    this.settings = settings;
    this.flowSettings = flowSettings;
    this.graphSettings = graphSettings;
    this.clock = clock;
    this.out = out;
    this.msg = new AppMessages(settings.locale());
  }

  /** Runs {@code flows} over the period ending at {@code asOf}; the command's exit code. */
  int run(List<FlowName> flows, Instant asOf, boolean boundedMemory) {
    FlowParameters p = parameters(asOf, boundedMemory);
    DatabaseConfig config = SqlStores.config(settings, flowSettings.workers() + 2);
    out.println(
        msg.get(
            "flows.start",
            String.join(", ", flows.stream().map(FlowName::label).toList()),
            p.period().toString(),
            config.describe(),
            p.workers(),
            p.batchSize()));
    try (FlowMetrics metrics = metrics();
        Database db = Database.open(config)) {
      long written = 0;
      for (FlowName f : flows) {
        FlowStats stats = new FlowStats();
        if (metrics != null) {
          metrics.started(f, stats);
        }
        boolean completed = false;
        try (FlowProgress progress = new FlowProgress(f, stats)) {
          String summary = runOne(f, db, p, stats);
          written += stats.written();
          completed = true;
          progress.close();
          out.println(summary);
          LOG.info("{} done: {}", f.label(), summary);
        } catch (FlowFailedException e) {
          LOG.error("{} failed", f.label(), e);
          out.println(msg.get("flows.failed", f.label(), e.getMessage()));
          return 1;
        } finally {
          if (metrics != null) {
            metrics.finished(f, completed);
          }
        }
      }
      StoreCompaction.afterBulkWrite(db, written, msg, out);
    } catch (RuleSetRepository.RuleSetVersionConflict e) {
      out.println(msg.get("flows.storeFailed", e.getMessage()));
      return Main.CONFIG_ERROR;
    } catch (StoreException e) {
      LOG.error("flows stopped: the store failed", e);
      out.println(msg.get("flows.storeFailed", e.getMessage()));
      return 1;
    }
    return 0;
  }

  /** The metrics the settings ask for, or null when they ask for none. */
  private FlowMetrics metrics() {
    Path file = flowSettings.metricsFile();
    int port = flowSettings.metricsPort();
    if (file == null && port == 0) {
      return null;
    }
    FlowMetrics m = new FlowMetrics(file, port, clock);
    if (file != null) {
      out.println(msg.get("flows.metrics.file", file.toAbsolutePath()));
    }
    if (port != 0) {
      out.println(msg.get("flows.metrics.port", String.valueOf(m.port())));
    }
    return m;
  }

  private String runOne(FlowName flow, Database db, FlowParameters p, FlowStats stats) {
    return switch (flow) {
      case TRANSACTION_MONITORING -> {
        TransactionMonitoring.Summary s = monitoring(db).run(p, json(p), stats);
        yield msg.get(
            "flows.monitoring.done",
            s.read(),
            s.scored(),
            s.newDecisions(),
            s.alertCandidates(),
            s.warmUp(),
            s.alreadyDone(),
            String.format("%.1f", s.seconds()),
            Math.round(s.rate()),
            s.resumed() ? msg.get("flows.resumed") : "");
      }
      case ALERT_GENERATION -> {
        AlertGeneration.Summary s = alertGeneration(db).run(p, stats);
        yield msg.get(
            "flows.alerts.done",
            s.candidates(),
            s.raised(),
            s.suppressed(),
            s.casesOpened(),
            s.attached(),
            s.notifications().delivered(),
            s.notifications().retrying(),
            s.notifications().failed(),
            String.format("%.1f", s.seconds()));
      }
      case CUSTOMER_RISK -> {
        CustomerRisk.Summary s = customerRisk(db).run(p, stats);
        yield msg.get(
            "flows.risk.done",
            s.customers(),
            s.changed(),
            s.high(),
            s.medium(),
            s.low(),
            String.format("%.1f", s.seconds()));
      }
    };
  }

  private CustomerRisk customerRisk(Database db) {
    CustomerRiskModel model =
        new CustomerRiskModel(
            FeatureSettings.DEFAULT_HIGH_RISK_COUNTRIES,
            settings.riskThresholds().medium(),
            flowSettings.riskThreshold(),
            settings.locale());
    return new CustomerRisk(db.customerActivity(), db.customers(), model, clock);
  }

  private AlertGeneration alertGeneration(Database db) {
    Map<String, AlertNotifier> notifiers = new HashMap<>();
    if (flowSettings.webhook() != null) {
      WebhookNotifier webhook = new WebhookNotifier(flowSettings.webhook(), Duration.ofSeconds(10));
      notifiers.put(webhook.channel(), webhook);
    }
    NotificationDelivery delivery =
        new NotificationDelivery(db.notifications(), notifiers, clock, MAX_NOTIFICATION_ATTEMPTS);
    CaseRepository cases = db.cases();
    return new AlertGeneration(
        db.alertGeneration(),
        delivery,
        alerts -> {
          long[] r = new long[2];
          for (Alert a : alerts) {
            AlertAttachment at =
                cases.attachToOpenCase(a, CaseId.random(), CASE_ACTOR, clock.instant());
            r[0] += at.opened() ? 1 : 0;
            r[1] += at.attached() ? 1 : 0;
          }
          return r;
        },
        clock);
  }

  private TransactionMonitoring monitoring(Database db) {
    CustomerProfiles profiles = profiles(db);
    RuleSets loaded = RuleSets.load(settings.rulesFile(), settings.zone());
    if (loaded.register(db.ruleSets(), clock.instant())) {
      LOG.info("recorded rule set version {}", loaded.rules().version());
    }
    RuleSet rules = loaded.rules();
    return new TransactionMonitoring(
        () -> EmbeddedRuntime.featureEngine(settings, profiles),
        new Scorer(rules, settings.riskThresholds()),
        db.transactions(),
        db.decisions(),
        db.flowRuns(),
        clock,
        flowSettings.storeRetry(),
        settings.locale(),
        network(db));
  }

  /** The network watch the settings ask for, or null when graph detection is off. */
  private NetworkWatch network(Database db) {
    if (graphSettings == null || !graphSettings.detection()) {
      return null;
    }
    return new NetworkWatch(
        () -> Graphs.open(graphSettings), db.networkFindings(), graphSettings.typologyScore());
  }

  /** The stored customers' declared volumes, for the profile features. */
  static CustomerProfiles profiles(Database db) {
    Map<String, Long> volumes = new HashMap<>();
    db.customers().forEach(c -> volumes.put(c.id().value(), c.expectedMonthlyVolume().cents()));
    return CustomerProfiles.of(volumes);
  }

  private FlowParameters parameters(Instant asOf, boolean boundedMemory) {
    return parameters(settings, flowSettings, asOf, boundedMemory);
  }

  /** The parameters the settings give a run over the period ending at {@code asOf}. */
  static FlowParameters parameters(
      Settings settings, FlowSettings flowSettings, Instant asOf, boolean boundedMemory) {
    int warm = flowSettings.warmUpDays();
    return new FlowParameters(
        asOf,
        Duration.ofDays(flowSettings.lookbackDays()),
        warm < 0 ? null : Duration.ofDays(warm),
        flowSettings.batchSize(),
        flowSettings.workers(),
        settings.alertThreshold(),
        flowSettings.riskThreshold(),
        flowSettings.suppression(),
        boundedMemory);
  }

  private static String json(FlowParameters p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("as_of", p.asOf().toString());
    m.put("lookback", p.lookback().toString());
    m.put("warm_up", p.warmUp() == null ? null : p.warmUp().toString());
    m.put("batch_size", p.batchSize());
    m.put("workers", p.workers());
    m.put("alert_threshold", p.alertThreshold());
    m.put("risk_threshold", p.riskThreshold());
    m.put("suppression", p.suppression().toString());
    m.put("bounded_memory", p.boundedMemory());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A progress bar for one flow, redrawn from its stats until closed. */
  private final class FlowProgress implements AutoCloseable {
    private final FlowName flow;
    private final FlowStats stats;
    private final StatusLine line = new StatusLine(out);
    private final ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "flow-progress");
              t.setDaemon(true);
              return t;
            });
    private final long started = System.nanoTime();
    private boolean closed;

    FlowProgress(FlowName flow, FlowStats stats) {
      this.flow = flow;
      this.stats = stats;
      ticker.scheduleAtFixedRate(() -> line.showEvery(this::text), 250, 250, TimeUnit.MILLISECONDS);
    }

    private String text() {
      long done = stats.processed();
      long total = stats.expected();
      double secs = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
      double rate = done / secs;
      String bar = ProgressBar.of(done, total, 24);
      String eta =
          total > 0 && rate > 0 ? ProgressBar.clock((long) ((total - done) / rate)) : "--:--";
      String text =
          msg.get(
              "flows.progress",
              flow.label(),
              bar,
              done,
              total,
              Math.round(rate),
              ProgressBar.clock((long) secs),
              eta);
      LOG.debug(
          "{}: {} flagged ({}/s), queued {}, workers busy {}/{}, store write {} ms, {} µs per item,"
              + " failed {}, store errors {} (timeouts {}), crashes {}",
          flow.label(),
          stats.flagged(),
          Math.round(stats.flagged() / secs),
          stats.queued(),
          stats.busyWorkers(),
          stats.workers(),
          String.format("%.2f", stats.meanStoreWriteMillis()),
          String.format("%.1f", stats.meanProcessingMicros()),
          stats.failed(),
          stats.storeErrors(),
          stats.storeTimeouts(),
          stats.workerCrashes());
      return text;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      ticker.shutdownNow();
      line.show(text());
      line.end();
    }
  }
}

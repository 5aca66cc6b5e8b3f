package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlinkSettings;
import io.amlmonitor.app.config.KafkaSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.server.ApiServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Generates a labelled population, streams it through the embedded pipeline while serving the API,
 * shows live progress, and ends with what was detected against the labels.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Stream generated transactions through the pipeline and API, then summarise detection.")
final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "How long to stream (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--rate",
      defaultValue = "5000",
      description = "Transactions per second, at most (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--port", description = "API port (API_PORT, default 8000; 0 picks a free one).")
  Integer port;

  @Option(names = "--no-api", description = "Do not serve the API while streaming.")
  boolean noApi;

  @Option(
      names = "--customers",
      defaultValue = "3000",
      description = "Customers to generate (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--merchants",
      defaultValue = "300",
      description = "Merchants to generate (default ${DEFAULT-VALUE}).")
  int merchants;

  @Option(
      names = "--days",
      description =
          "Days of history (default: enough to stream for the whole duration at the rate).")
  Integer days;

  @Option(
      names = "--laundering-share",
      defaultValue = "0.05",
      description = "Share of customers in laundering episodes (default ${DEFAULT-VALUE}).")
  double launderingShare;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--distributed",
      description =
          "Run the distributed parts instead of the embedded pipeline: a Kafka broker in this "
              + "process (or KAFKA_BOOTSTRAP_SERVERS), the Flink job on a local cluster, Redis "
              + "(REDIS_HOST, default 127.0.0.1) as the online store, and the API serving the "
              + "job's features.")
  boolean distributed;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description =
          "With --distributed: Kafka brokers to use instead of a broker in this process "
              + "(KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--redis-host",
      paramLabel = "HOST",
      description = "With --distributed: Redis (REDIS_HOST, default 127.0.0.1).")
  String redisHost;

  @Option(
      names = "--redis-key-prefix",
      paramLabel = "PREFIX",
      description =
          "With --distributed: prefix of the demo's keys, cleared at start (REDIS_KEY_PREFIX, "
              + "default aml-demo:).")
  String redisKeyPrefix;

  private final PrintStream out;

  DemoCommand() {
    this(System.out);
  }

  DemoCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = common.asSettings();
    CommonOptions.put(flags, "API_PORT", port);
    if (distributed) {
      CommonOptions.put(flags, "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
      CommonOptions.put(flags, "REDIS_HOST", redisHost);
      CommonOptions.put(flags, "REDIS_KEY_PREFIX", redisKeyPrefix);
      ConfigSources given = ConfigSources.standard(flags);
      if (given.get("REDIS_HOST") == null) {
        flags.put("REDIS_HOST", "127.0.0.1");
      }
      // the demo clears its prefix at start: never the one a real deployment writes by default
      if (given.get("REDIS_KEY_PREFIX") == null) {
        flags.put("REDIS_KEY_PREFIX", "aml-demo:");
      }
    } else if (bootstrapServers != null || redisHost != null || redisKeyPrefix != null) {
      throw new ConfigException(
          "--bootstrap-servers/--redis-host/--redis-key-prefix", "", "need --distributed");
    }
    ConfigSources sources = ConfigSources.standard(flags);
    Settings settings = Settings.resolve(sources);
    Duration runFor = Settings.parseDuration("--duration", duration, Duration.ofDays(1));
    if (rate < 1) {
      throw new ConfigException("--rate", String.valueOf(rate), "must be at least 1");
    }
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());

    GeneratorConfig probe =
        Populations.config(
            customers, merchants, PROBE_DAYS, seed, launderingShare, settings.zone());
    GeneratorConfig config =
        days == null
            ? Populations.config(
                customers,
                merchants,
                daysToFill(probe, runFor),
                seed,
                launderingShare,
                settings.zone())
            : Populations.config(
                customers, merchants, days, seed, launderingShare, settings.zone());
    out.println(
        msg.get("demo.generating", customers, merchants, config.days(), String.valueOf(seed)));
    Generator generator = Generator.create(config);
    if (distributed) {
      return runDistributed(settings, sources, msg, generator, runFor);
    }

    Map<String, Typology> labels = new ConcurrentHashMap<>();
    DemoStats stats = new DemoStats(labels);
    StreamClock clock = new StreamClock(config.start());
    Consumer<Decision> sink = stats::accept;
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              awaitQuietly(finished);
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    try (EmbeddedRuntime runtime =
        new EmbeddedRuntime(
            settings,
            clock,
            sink,
            CustomerProfiles.of(generator.customers()),
            demoStores(settings))) {
      if (!noApi) {
        ApiServer server = runtime.startApi(settings.apiPort());
        out.println(msg.get("demo.api", settings.apiHost(), String.valueOf(server.port())));
      }
      out.println(msg.get("demo.streaming", rate, duration));
      long started = System.nanoTime();
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "demo-progress"));
      Progress progress = new Progress(out, msg, stats, runtime, clock, started);
      ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
      Instant first = null;
      long deadline = started + runFor.toNanos();
      long sent = 0;
      Iterator<LabelledTransaction> it = generator.iterator();
      List<Transaction> batch = new ArrayList<>(BATCH);
      while (it.hasNext() && !stop.get() && System.nanoTime() < deadline) {
        LabelledTransaction lt = it.next();
        if (lt.isLaundering()) {
          labels.put(lt.transaction().id().value(), lt.typology());
        }
        if (first == null) {
          first = lt.transaction().timestamp();
        }
        clock.advanceTo(lt.transaction().timestamp());
        batch.add(lt.transaction());
        sent++;
        if (batch.size() >= BATCH || aheadOfPace(started, sent)) {
          runtime.intake().enqueueAll(batch);
          batch.clear();
          pace(started, sent, rate);
        }
      }
      runtime.intake().enqueueAll(batch);
      runtime.pipeline().drainAndStop(Duration.ofSeconds(30));
      ticker.shutdownNow();
      progress.finish();
      double seconds = (System.nanoTime() - started) / 1e9;
      new DemoSummary(out, msg, stats, settings.alertThreshold())
          .print(seconds, first == null ? config.start() : first, clock.instant());
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for us
      }
    }
    return 0;
  }

  private int runDistributed(
      Settings settings,
      ConfigSources sources,
      AppMessages msg,
      Generator generator,
      Duration runFor)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              awaitQuietly(finished);
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return new DistributedDemo(
              out,
              msg,
              settings,
              settings.redis(),
              KafkaSettings.resolve(sources),
              FlinkSettings.resolve(sources))
          .run(
              new DistributedDemo.Run(
                  generator,
                  rate,
                  runFor,
                  !noApi,
                  settings.apiPort(),
                  stop,
                  RUN_ID.format(Instant.now())));
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for us
      }
    }
  }

  private static final java.time.format.DateTimeFormatter RUN_ID =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
          .withZone(java.time.ZoneOffset.UTC);

  private static final int PROBE_DAYS = 28;

  /** Days of history that take about {@code runFor} to stream at the rate, within 7 to 366. */
  private int daysToFill(GeneratorConfig probe, Duration runFor) {
    double perDay =
        Math.max(1, Generator.create(probe).expectedTransactions() / (double) PROBE_DAYS);
    double wanted = rate * (runFor.toMillis() / 1000.0);
    return (int) Math.max(7, Math.min(366, Math.ceil(wanted / perDay)));
  }

  /** Sleeps just enough to keep to {@code rate} transactions per second since {@code started}. */
  static void pace(long started, long sent, int rate) throws InterruptedException {
    long ahead = started + sent * 1_000_000_000L / rate - System.nanoTime();
    if (ahead > 1_000_000) {
      TimeUnit.NANOSECONDS.sleep(ahead);
    }
  }

  private boolean aheadOfPace(long started, long sent) {
    return started + sent * 1_000_000_000L / rate - System.nanoTime() > 1_000_000;
  }

  /** Transactions journaled in one commit, at most. */
  private static final int BATCH = 500;

  /**
   * A fresh embedded system of record under {@code <data dir>/demo}: each demo streams its own
   * generated history, which must not meet an earlier demo's (its ids would all be repeats).
   */
  private static LiveStores demoStores(Settings settings) throws IOException {
    Path dir = settings.dataDir().resolve("demo").resolve("db");
    Directories.deleteTree(dir);
    return LiveStores.open(new DatabaseConfig.Embedded(dir, settings.sqlPoolSize()), null);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

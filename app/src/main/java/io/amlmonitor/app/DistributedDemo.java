package io.amlmonitor.app;

import io.amlmonitor.app.config.FlinkSettings;
import io.amlmonitor.app.config.KafkaSettings;
import io.amlmonitor.app.config.RedisSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.flink.Checkpoints;
import io.amlmonitor.flink.JobSettings;
import io.amlmonitor.flink.StreamJob;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.kafka.KafkaBroker;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.kafka.TransactionProducer;
import io.amlmonitor.redis.RedisPrefix;
import io.amlmonitor.server.ApiServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aml demo --distributed}: the same generated stream as the embedded demo, through the
 * distributed parts in one process: a Kafka broker (in-process, or {@code
 * KAFKA_BOOTSTRAP_SERVERS}), the Flink job on a local MiniCluster, Redis as the online store, and
 * the API serving the job's features ({@link StreamFedScoring}). Decisions land in a fresh embedded
 * system of record, from which the summary is drawn.
 */
final class DistributedDemo {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedDemo.class);
  private static final Duration READY = Duration.ofSeconds(60);

  /**
   * How long the end waits for the job to score what was produced, once it stops progressing:
   * longer than a quiet partition holds the watermark back (30 s, see the job's watermarks), after
   * which the last payments of the busier partitions are applied.
   */
  private static final Duration DRAIN_STALL = Duration.ofSeconds(60);

  private final PrintStream out;
  private final AppMessages msg;
  private final Settings settings;
  private final RedisSettings redis;
  private final KafkaSettings kafka;
  private final FlinkSettings flink;

  DistributedDemo(
      PrintStream out,
      AppMessages msg,
      Settings settings,
      RedisSettings redis,
      KafkaSettings kafka,
      FlinkSettings flink) {
    this.out = out;
    this.msg = msg;
    this.settings = settings;
    this.redis = redis;
    this.kafka = kafka;
    this.flink = flink;
  }

  /** What to stream, how fast, for how long. */
  record Run(
      Generator generator,
      int rate,
      Duration runFor,
      boolean api,
      int apiPort,
      AtomicBoolean stop,
      String runId) {}

  int run(Run run) throws Exception {
    Path demoDir = settings.dataDir().resolve("demo").toAbsolutePath();
    for (String part : new String[] {"db", "kafka", "flink-checkpoints"}) {
      Directories.deleteTree(demoDir.resolve(part));
    }
    long cleared = RedisPrefix.clear(redis.host(), redis.port(), redis.keyPrefix());
    LOG.info("Cleared {} keys under {} for the demo", cleared, redis.keyPrefix());

    String external = kafka.bootstrapServers();
    // An external cluster may hold earlier demos' records: each run gets topics of its own.
    String topic = external == null ? kafka.topic() : "aml-demo-" + run.runId();
    String deadLetters = topic + ".dead-letters";
    String alerts = external == null ? "alerts" : topic + ".alerts";
    try (KafkaBroker broker =
        external == null
            ? KafkaBroker.start(demoDir.resolve("kafka"), "127.0.0.1", 0, READY)
            : null) {
      String servers = broker != null ? broker.bootstrapServers() : external;
      try (Topics topics = new Topics(servers)) {
        topics.ensure(topic, kafka.partitions(), READY);
        topics.ensure(deadLetters, 1, READY);
        topics.ensure(alerts, 1, READY);
      }
      DatabaseConfig sql =
          new DatabaseConfig.Embedded(demoDir.resolve("db"), settings.sqlPoolSize());
      try (Database database = Database.open(sql)) {
        return stream(run, servers, topic, deadLetters, alerts, sql, database, demoDir);
      }
    }
  }

  private int stream(
      Run run,
      String servers,
      String topic,
      String deadLetters,
      String alerts,
      DatabaseConfig sql,
      Database database,
      Path demoDir)
      throws Exception {
    Generator generator = run.generator();
    HashMap<String, Long> volumes = new HashMap<>();
    for (Customer c : generator.customers()) {
      volumes.put(c.id().value(), c.expectedMonthlyVolume().cents());
    }
    JobSettings job =
        StreamCommand.jobSettings(
            settings,
            flink,
            redis,
            new JobSettings.Source(servers, topic, "aml-demo", false),
            sql,
            deadLetters,
            alerts,
            volumes);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            Checkpoints.configuration(demoDir.resolve("flink-checkpoints"), null));
    new StreamJob(job).build(env);
    JobClient client = env.executeAsync("aml-demo");
    out.println(
        msg.get(
            "demo.distributed",
            servers,
            topic,
            redis.host() + ":" + redis.port(),
            redis.keyPrefix(),
            flink.parallelism()));

    Map<String, Typology> labels = new ConcurrentHashMap<>();
    // the job's decisions name the transaction only: the demo keeps whose each one was
    Map<String, String> payers = new HashMap<>();
    DemoStats stats = new DemoStats(labels);
    StreamClock clock = new StreamClock(generator.config().start());
    try (EmbeddedRuntime runtime =
            new EmbeddedRuntime(
                settings,
                clock,
                d -> {},
                CustomerProfiles.of(volumes),
                LiveStores.open(sql, redis),
                new EmbeddedRuntime.StreamFeed(servers, topic));
        TransactionProducer producer =
            new TransactionProducer(servers, topic, Map.of("client.id", "aml-demo"))) {
      if (run.api()) {
        ApiServer server = runtime.startApi(run.apiPort());
        out.println(msg.get("demo.api", settings.apiHost(), String.valueOf(server.port())));
      }
      out.println(msg.get("demo.streaming", run.rate(), run.runFor().toSeconds() + "s"));
      StatusLine status = new StatusLine(out);
      long started = System.nanoTime();
      long deadline = started + run.runFor().toNanos();
      long sent = 0;
      long nextTick = started;
      Instant first = null;
      Iterator<LabelledTransaction> it = generator.iterator();
      while (it.hasNext() && !run.stop().get() && System.nanoTime() < deadline) {
        LabelledTransaction lt = it.next();
        Transaction t = lt.transaction();
        if (lt.isLaundering()) {
          labels.put(t.id().value(), lt.typology());
        }
        payers.put(t.id().value(), t.customerId().value());
        if (first == null) {
          first = t.timestamp();
        }
        clock.advanceTo(t.timestamp());
        producer.send(t);
        sent++;
        DemoCommand.pace(started, sent, run.rate());
        if (System.nanoTime() >= nextTick) {
          nextTick += TimeUnit.MILLISECONDS.toNanos(250);
          long produced = sent;
          status.showEvery(() -> progress(started, produced, database, runtime));
        }
      }
      producer.flush();
      drain(client, database, sent, status, started, runtime);
      client.cancel().get(60, TimeUnit.SECONDS);
      status.show(progress(started, sent, database, runtime));
      out.println();
      double seconds = (System.nanoTime() - started) / 1e9;
      double threshold = settings.alertThreshold();
      database
          .decisions()
          .forEachCreatedIn(
              TimeRange.ALL,
              r ->
                  stats.accept(
                      r.transactionId().value(),
                      payers.getOrDefault(r.transactionId().value(), ""),
                      r.riskLevel(),
                      r.riskScore() >= threshold ? r.rulesFired() : null));
      new DemoSummary(out, msg, stats, threshold)
          .print(seconds, first == null ? generator.config().start() : first, clock.instant());
      return 0;
    } finally {
      if (!client.getJobExecutionResult().isDone()) {
        try {
          client.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.warn("Could not cancel the demo's stream job: {}", e.toString());
        }
      }
    }
  }

  /** Waits until the job has a decision for every transaction sent, or stops progressing. */
  private void drain(
      JobClient client,
      Database database,
      long sent,
      StatusLine status,
      long started,
      EmbeddedRuntime runtime)
      throws InterruptedException {
    long last = -1;
    long lastProgress = System.nanoTime();
    while (!client.getJobExecutionResult().isDone()) {
      long scored = database.decisions().count();
      if (scored >= sent) {
        return;
      }
      if (scored != last) {
        last = scored;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > DRAIN_STALL.toNanos()) {
        LOG.warn("The stream job scored {} of {} transactions and made no progress", scored, sent);
        out.println();
        out.println(msg.get("demo.distributedStalled", scored, sent));
        return;
      }
      status.showEvery(() -> progress(started, sent, database, runtime));
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private String progress(long started, long sent, Database database, EmbeddedRuntime runtime) {
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    long scored = database.decisions().count();
    return msg.get(
        "demo.distributedProgress",
        String.format("%.0fs", seconds),
        sent,
        scored,
        Math.round(scored / seconds),
        runtime.processor().alerts().count(),
        Math.max(0, sent - scored));
  }
}

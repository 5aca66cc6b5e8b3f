package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlinkSettings;
import io.amlmonitor.app.config.KafkaSettings;
import io.amlmonitor.app.config.RedisSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.flink.Checkpoints;
import io.amlmonitor.flink.JobSettings;
import io.amlmonitor.flink.StreamJob;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.ml.ModelException;
import io.amlmonitor.ml.ModelFiles;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.TreeRiskModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aml stream}: the Flink job, on a local MiniCluster in this process, or on a cluster when
 * the same class runs under {@code flink run}.
 */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Run the streaming job: transactions from Kafka (KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC), "
          + "features in Flink state, served from Redis (REDIS_HOST) to `aml serve`, decisions and "
          + "alerts to the system of record (POSTGRES_HOST, or the embedded database) and alerts "
          + "to the alerts topic. Malformed records go to the dead-letter topic.",
      "Scores with the rules and the model promoted in AML_DATA_DIR/models (aml models promote) "
          + "when it starts; a model promoted later scores once the job is started again.",
      "Runs on a local Flink in this process until Ctrl-C, or until the end of the topic with "
          + "--until-end. Checkpoints are kept under --checkpoint-dir; a new run continues from "
          + "the newest one unless --fresh."
    })
final class StreamCommand implements Callable<Integer> {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);

  @Mixin CommonOptions common;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka brokers (KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = "--topic", paramLabel = "NAME", description = "Topic (KAFKA_TOPIC).")
  String topic;

  @Option(
      names = "--redis-host",
      paramLabel = "HOST",
      description = "Redis the features are served from (REDIS_HOST).")
  String redisHost;

  @Option(
      names = "--redis-key-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of every key the job writes (REDIS_KEY_PREFIX, default aml:).")
  String redisKeyPrefix;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Parallel instances of each operator (FLINK_PARALLELISM, default 2).")
  Integer parallelism;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "DURATION",
      description = "How often to checkpoint (FLINK_CHECKPOINT_INTERVAL, default 10s).")
  String checkpointInterval;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description = "Where checkpoints are kept (default: flink-checkpoints under the data dir).")
  Path checkpointDir;

  @Option(names = "--fresh", description = "Start from no checkpoint, even if one is kept.")
  boolean fresh;

  @Option(
      names = "--until-end",
      description =
          "Stop at the end the topic had when the job started, instead of running on. Refused "
              + "when a checkpoint would be restored: add --fresh.")
  boolean untilEnd;

  @Option(
      names = "--group-id",
      paramLabel = "ID",
      description = "Consumer group the job commits its offsets to (default ${DEFAULT-VALUE}).")
  String groupId = "aml-stream";

  @Option(
      names = "--alerts-topic",
      paramLabel = "NAME",
      description = "Topic for alerts (default ${DEFAULT-VALUE}).")
  String alertsTopic = "alerts";

  @Option(
      names = "--dead-letter-topic",
      paramLabel = "NAME",
      description =
          "Topic for malformed records (default: the transactions topic + .dead-letters).")
  String deadLetterTopic;

  private final PrintStream out;

  /** How long stopping waits for the job to be cancelled. */
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);

  /** Counted down to stop the job: by Ctrl-C, or by a test. */
  final CountDownLatch stopped = new CountDownLatch(1);

  StreamCommand() {
    this(System.out);
  }

  StreamCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = common.asSettings();
    CommonOptions.put(flags, "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    CommonOptions.put(flags, "KAFKA_TOPIC", topic);
    CommonOptions.put(flags, "REDIS_HOST", redisHost);
    CommonOptions.put(flags, "REDIS_KEY_PREFIX", redisKeyPrefix);
    CommonOptions.put(flags, "FLINK_PARALLELISM", parallelism);
    CommonOptions.put(flags, "FLINK_CHECKPOINT_INTERVAL", checkpointInterval);
    ConfigSources sources = ConfigSources.standard(flags);
    Settings settings = Settings.resolve(sources);
    KafkaSettings kafka = KafkaSettings.resolve(sources);
    FlinkSettings flink = FlinkSettings.resolve(sources);
    String servers = kafka.requireBootstrapServers();
    RedisSettings redis = settings.redis();
    if (redis == null) {
      throw new ConfigException(
          "REDIS_HOST", "", "is not set: the stream job serves its features from Redis");
    }
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    String deadLetters =
        deadLetterTopic != null ? deadLetterTopic : kafka.topic() + ".dead-letters";
    try (Topics topics = new Topics(servers)) {
      topics.ensure(kafka.topic(), kafka.partitions(), READY);
      topics.ensure(deadLetters, 1, READY);
      topics.ensure(alertsTopic, 1, READY);
    }
    DatabaseConfig sql = SqlStores.config(settings);
    // opened (and migrated) here, before the job's writers open it; then it counts the decisions
    try (Database database = Database.open(sql)) {
      return run(settings, kafka, flink, redis, servers, deadLetters, sql, database, msg);
    }
  }

  /**
   * The job's settings from the application's: its rules, model and thresholds, where it reads,
   * writes features and records decisions, and how Flink runs it.
   *
   * @param profiles expected monthly volume in cents by customer id, or null when none is known
   * @throws ConfigException when a model is promoted but cannot be read
   */
  static JobSettings jobSettings(
      Settings settings,
      FlinkSettings flink,
      RedisSettings redis,
      JobSettings.Source source,
      DatabaseConfig sql,
      String deadLetters,
      String alerts,
      java.util.HashMap<String, Long> profiles) {
    RuleSets rules = RuleSets.load(settings.rulesFile(), settings.zone());
    return new JobSettings(
        source,
        new JobSettings.Scoring(
            settings.zone().getId(),
            settings.allowedLateness(),
            rules.text(),
            rules.rules().source(),
            settings.riskThresholds().medium(),
            settings.riskThresholds().high(),
            settings.alertThreshold(),
            settings.locale().toLanguageTag(),
            profiles,
            promotedModel(settings).orElse(null)),
        new JobSettings.RedisTarget(
            redis.host(), redis.port(), redis.keyPrefix(), redis.ttl(), redis.flushInterval()),
        JobSettings.SqlTarget.of(sql),
        deadLetters,
        alerts,
        flink.parallelism(),
        flink.checkpointInterval(),
        flink.outOfOrderness());
  }

  /**
   * The files of the model promoted in the registry {@code aml serve} scores with ({@code
   * AML_DATA_DIR/models}): they travel with the job graph, so task managers need no access to the
   * registry. The job keeps this model until it is started again.
   *
   * @throws ConfigException when it cannot be read: the job would record decisions without it
   */
  static Optional<ModelFiles> promotedModel(Settings settings) {
    Path dir = ModelsCommand.registryDir(settings, null);
    ModelRegistry registry = new ModelRegistry(dir);
    try {
      Optional<String> version = registry.promoted();
      if (version.isEmpty()) {
        LOG.info("No model is promoted in {}: the stream job scores with the rules alone", dir);
        return Optional.empty();
      }
      ModelFiles files = registry.files(version.get());
      // read here as each task will read it, so that a model it cannot read stops the command
      TreeRiskModel model = TreeRiskModel.of(files, false);
      LOG.info(
          "The stream job scores with the rules and model {} ({} trees) promoted in {}",
          model.version(),
          model.ensemble().treeCount(),
          dir);
      return Optional.of(files);
    } catch (ModelException e) {
      throw new ConfigException(
          "AML_DATA_DIR",
          settings.dataDir().toString(),
          "the model promoted in " + dir + " cannot be read: " + e.getMessage());
    }
  }

  private int run(
      Settings settings,
      KafkaSettings kafka,
      FlinkSettings flink,
      RedisSettings redis,
      String servers,
      String deadLetters,
      DatabaseConfig sql,
      Database database,
      AppMessages msg)
      throws Exception {
    JobSettings job =
        jobSettings(
            settings,
            flink,
            redis,
            new JobSettings.Source(servers, kafka.topic(), groupId, untilEnd),
            sql,
            deadLetters,
            alertsTopic,
            null);

    Path checkpoints =
        (checkpointDir != null ? checkpointDir : settings.dataDir().resolve("flink-checkpoints"))
            .toAbsolutePath();
    Optional<Path> restore = fresh ? Optional.empty() : Checkpoints.latest(checkpoints);
    if (untilEnd && restore.isPresent()) {
      // A checkpoint holds each Kafka partition's split with the end it was created with: a job
      // that reads on gave it none, and restored into a bounded job it keeps the job reading.
      throw new ConfigException(
          "--until-end",
          restore.get().toString(),
          "cannot continue from a checkpoint: the restored source would read on and the job never"
              + " end; add --fresh to start without one, or run without --until-end");
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            Checkpoints.configuration(checkpoints, restore.orElse(null)));
    new StreamJob(job).build(env);
    out.println(
        msg.get(
            "stream.start",
            kafka.topic(),
            servers,
            redis.host() + ":" + redis.port(),
            sql.describe(),
            flink.parallelism(),
            restore.map(Path::toString).orElse(msg.get("stream.noCheckpoint"))));
    ModelFiles model = job.scoring().model();
    out.println(
        model == null
            ? msg.get("stream.rulesAlone", ModelsCommand.registryDir(settings, null))
            : msg.get("stream.model", model.version()));
    JobClient client = env.executeAsync("aml-stream");
    if (!env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
      // `flink run -d`: the job is the cluster's now; flink cancel (or the web UI) ends it
      out.println(msg.get("stream.detached", client.getJobID(), checkpoints));
      return 0;
    }
    // Ctrl-C (or SIGTERM) waits until the job is cancelled, or a job on a cluster would read on
    // with no one following it.
    try (ShutdownWait shutdown =
        new ShutdownWait(stopped, CANCEL_WAIT.plusSeconds(10), "stream-stop")) {
      shutdown.register();
      StatusLine status = new StatusLine(out);
      long started = System.nanoTime();
      long before = database.decisions().count();
      CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
      while (true) {
        if (result.isDone()) {
          long scored = database.decisions().count() - before;
          try {
            result.get();
          } catch (ExecutionException e) {
            if (cancelled(e)) {
              // on a cluster, by `flink cancel` (or the web UI): what the operator asked for
              out.println(msg.get("stream.cancelled", scored, checkpoints));
              return 0;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            out.println(msg.get("stream.failed", scored, String.valueOf(cause.getMessage())));
            LOG.error("The stream job failed", cause);
            return 1;
          }
          out.println(msg.get("stream.finished", scored, checkpoints));
          return 0;
        }
        if (stopped.await(1, TimeUnit.SECONDS)) {
          out.println(msg.get("stream.stopping", checkpoints));
          client.cancel().get(CANCEL_WAIT.toSeconds(), TimeUnit.SECONDS);
          out.println(msg.get("stream.stopped", client.getJobID()));
          return 0;
        }
        long scored = database.decisions().count() - before;
        double seconds = (System.nanoTime() - started) / 1e9;
        status.show(msg.get("stream.progress", scored, Math.round(scored / seconds)));
      }
    }
  }

  private static boolean cancelled(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JobCancellationException) {
        return true;
      }
    }
    return false;
  }
}

package io.amlmonitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.kafka.KafkaBroker;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.kafka.TransactionProducer;
import io.amlmonitor.ml.ModelFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming job for real: an in-process KRaft broker, a Flink MiniCluster, the machine's Redis
 * and PostgreSQL. A generated stream goes through the job; the features served from Redis, read as
 * {@code aml serve} reads them, must equal the embedded engine's for the same stream, bit for bit,
 * and so must every decision's score, level, model version and frozen reasons (with a model, and
 * with the rules alone); malformed records must land in the dead-letter topic.
 */
class StreamJobIT {
  private static final Duration WAIT = Duration.ofSeconds(180);
  private static final int PAYMENTS = 3_000;

  private static Path dir;
  private static KafkaBroker broker;
  private static final List<DatabaseConfig.Postgres> schemas = new ArrayList<>();
  private static final List<String> prefixes = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("stream-job-it");
    TestServices.requireRedis();
    broker = KafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", 0, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.close();
    }
    for (DatabaseConfig.Postgres schema : schemas) {
      TestServices.dropSchema(schema);
    }
    prefixes.forEach(TestServices::removeRedisKeys);
    // best effort: a cancelled job's checkpoint threads may still be finishing
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void servedFeaturesAndModelScoresEqualTheEmbeddedPathsAndMalformedRecordsBecomeDeadLetters()
      throws Exception {
    List<LabelledTransaction> labelled = generated(PAYMENTS);
    ModelFiles model = TestScoring.modelTrainedOn(labelled, dir.resolve("models"), "gbt-stream-it");
    Run run = new Run("whole", TestScoring.rulesAlone().withModel(model));
    List<Transaction> stream = transactions(labelled);
    run.produce(stream);
    run.produce(List.of(stream.get(10))); // a repeat: counted once
    run.produceRaw("not json at all");
    run.produceRaw("{\"transaction_id\":\"X1\",\"amount\":12.5}");

    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            failFast(Checkpoints.configuration(run.checkpoints, null)));
    new StreamJob(run.settings(true)).build(env);
    env.execute("stream-job-it");

    EmbeddedPath expected = run.check(stream);
    // not vacuous: the model scored every payment and explained some alerts
    assertThat(expected.decisions())
        .allSatisfy(d -> assertThat(d.assessment().modelVersion()).isEqualTo("gbt-stream-it"));
    assertThat(expected.decisions().stream().filter(d -> d.alert() != null))
        .anySatisfy(
            d ->
                assertThat(d.alert().reasons())
                    .anySatisfy(r -> assertThat(r).startsWith("Risk model: ")));
    List<String> deadLetters = run.read(run.deadLetterTopic, 2);
    assertThat(deadLetters).hasSize(2);
    assertThat(deadLetters.get(0)).contains("\"record\":\"not json at all\"").contains("reason");
    assertThat(deadLetters.get(1)).contains("X1").contains("timestamp: is required");
  }

  @Test
  void aJobKilledMidStreamAndRestoredFromItsCheckpointCountsEveryTransactionOnce()
      throws Exception {
    Run run = new Run("restore", TestScoring.rulesAlone());
    List<Transaction> stream = transactions(generated(PAYMENTS));
    int half = stream.size() / 2;
    run.produce(stream.subList(0, half));

    StreamExecutionEnvironment first =
        StreamExecutionEnvironment.getExecutionEnvironment(
            failFast(Checkpoints.configuration(run.checkpoints, null)));
    new StreamJob(run.settings(false)).build(first);
    JobClient job = first.executeAsync("stream-job-it-first");
    run.awaitDecisions(half / 2);
    run.produce(stream.subList(half, stream.size()));
    // killed while the second half streams in, so work after the last checkpoint is lost
    run.awaitCheckpoint(Optional.empty());
    run.awaitDecisions(half + 1);
    job.cancel().get();
    // cancel() returns once asked: the tasks may still be closing, and a closing task still
    // flushes to Redis. The restored job must not start beside it.
    awaitTerminated(job);
    Path restoreFrom = Checkpoints.latest(run.checkpoints).orElseThrow();

    StreamExecutionEnvironment second =
        StreamExecutionEnvironment.getExecutionEnvironment(
            failFast(Checkpoints.configuration(run.checkpoints, restoreFrom)));
    new StreamJob(run.settings(false)).build(second);
    JobClient restored = second.executeAsync("stream-job-it-restored");
    run.awaitDecisions(stream.size());
    // Every payment has a decision, but some were the first job's: the restored job may still be
    // replaying what it decided. Served state converges once the replay is applied and flushed;
    // a lost or doubled payment never converges.
    run.awaitConverged(stream);
    restored.cancel().get();
  }

  private static void awaitTerminated(JobClient job) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (job.getJobStatus().get(5, TimeUnit.SECONDS).isGloballyTerminalState()) {
          return;
        }
      } catch (ExecutionException | IllegalStateException gone) {
        return; // the job's local cluster no longer knows it, or has shut down: it has ended
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the cancelled job did not end");
  }

  /** A failing job fails the test rather than restarting for ever. */
  private static Configuration failFast(Configuration conf) {
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
    return conf;
  }

  /** One test's topics, Redis prefix, schema and checkpoints, so tests never meet. */
  private static final class Run {
    final String topic;
    final String deadLetterTopic;
    final String alertsTopic;
    final String prefix;
    final DatabaseConfig.Postgres schema;
    final Path checkpoints;
    final Database database;
    final JobSettings.Scoring scoring;

    Run(String name, JobSettings.Scoring scoring) {
      this.scoring = scoring;
      String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
      topic = id + "-transactions";
      deadLetterTopic = id + "-dead-letters";
      alertsTopic = id + "-alerts";
      prefix = "aml-it-" + id + ":";
      prefixes.add(prefix);
      schema = TestServices.freshSchema();
      schemas.add(schema);
      database = TestServices.openOrSkip(schema);
      checkpoints = dir.resolve(id + "-checkpoints");
      try (Topics topics = new Topics(broker.bootstrapServers())) {
        topics.ensure(topic, 3, Duration.ofSeconds(60));
        topics.ensure(deadLetterTopic, 1, Duration.ofSeconds(60));
        topics.ensure(alertsTopic, 1, Duration.ofSeconds(60));
      }
    }

    JobSettings settings(boolean bounded) {
      return new JobSettings(
          new JobSettings.Source(broker.bootstrapServers(), topic, "aml-it", bounded),
          scoring,
          new JobSettings.RedisTarget(
              TestServices.REDIS_HOST,
              TestServices.REDIS_PORT,
              prefix,
              Duration.ofDays(30),
              Duration.ofMillis(50)),
          JobSettings.SqlTarget.of(schema),
          deadLetterTopic,
          alertsTopic,
          2,
          Duration.ofMillis(300),
          Duration.ofMillis(100));
    }

    void produce(List<Transaction> transactions) {
      try (TransactionProducer producer =
          new TransactionProducer(broker.bootstrapServers(), topic, Map.of())) {
        transactions.forEach(producer::send);
        producer.flush();
      }
    }

    void produceRaw(String value) {
      Map<String, Object> config =
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(topic, "bad", value.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
      }
    }

    List<String> read(String from, int atLeast) {
      return TopicRecords.read(broker.bootstrapServers(), from, atLeast);
    }

    void awaitDecisions(long count) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (database.decisions().count() < count) {
        assertThat(System.nanoTime()).as("waiting for %s decisions", count).isLessThan(deadline);
        Thread.sleep(100);
      }
    }

    void awaitCheckpoint(Optional<Path> after) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        Optional<Path> now = Checkpoints.latest(checkpoints);
        if (now.isPresent() && !now.equals(after)) {
          return;
        }
        assertThat(System.nanoTime()).as("waiting for a checkpoint").isLessThan(deadline);
        Thread.sleep(50);
      }
    }

    /**
     * Polls the served features until they converge, then runs {@link #check}; fails with the last
     * error once the wait is over.
     */
    void awaitConverged(List<Transaction> stream) throws Exception {
      long deadline = System.nanoTime() + WAIT.toNanos();
      EmbeddedPath expected = new EmbeddedPath(stream, scoring);
      while (true) {
        try {
          expected.assertServedFrom(TestServices.REDIS_HOST, TestServices.REDIS_PORT, prefix);
          check(stream);
          return;
        } catch (AssertionError notYet) {
          if (System.nanoTime() > deadline) {
            throw notYet;
          }
          Thread.sleep(500);
        }
      }
    }

    /**
     * Served features and recorded decisions against the embedded path's, for {@code stream}.
     *
     * @return the embedded path's run
     */
    EmbeddedPath check(List<Transaction> stream) throws Exception {
      EmbeddedPath expected = new EmbeddedPath(stream, scoring);
      expected.assertDecisionsIn(database);
      Set<String> alertIds = new HashSet<>();
      for (String alert : read(alertsTopic, expected.alerts())) {
        alertIds.add(alert.substring(0, alert.indexOf(',')));
      }
      assertThat(alertIds).hasSize(expected.alerts());
      expected.assertServedFrom(TestServices.REDIS_HOST, TestServices.REDIS_PORT, prefix);
      return expected;
    }
  }

  /** A generated stream: customers paying merchants and one another, with laundering among them. */
  private static List<LabelledTransaction> generated(int n) {
    Iterator<LabelledTransaction> it =
        Generator.create(GeneratorConfig.of(300, 40, 10, 42).withLaunderingShare(0.05)).iterator();
    List<LabelledTransaction> out = new ArrayList<>(n);
    while (it.hasNext() && out.size() < n) {
      out.add(it.next());
    }
    return out;
  }

  private static List<Transaction> transactions(List<LabelledTransaction> labelled) {
    return labelled.stream().map(LabelledTransaction::transaction).toList();
  }
}

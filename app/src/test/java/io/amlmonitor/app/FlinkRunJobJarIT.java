package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlinkSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.flink.EmbeddedPath;
import io.amlmonitor.flink.JobSettings;
import io.amlmonitor.flink.TopicRecords;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.kafka.KafkaBroker;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.kafka.TransactionProducer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink cluster, as the README runs it: a standalone session cluster (a job
 * manager and a task manager in JVMs of their own, on Flink's jars from Maven Central), {@code
 * app/target/aml-flink-job.jar} submitted with Flink's command line ({@code flink run -c
 * io.amlmonitor.app.Main aml-flink-job.jar stream}) with its settings in the environment, an
 * in-process KRaft broker, the machine's Redis and PostgreSQL. The features served from Redis and
 * the decisions recorded (scored with a promoted model, which travels with the job) must equal the
 * embedded path's for the same stream; malformed records must be in the dead-letter topic. Then
 * {@code flink cancel} ends the job, the submitting command reports it and exits 0, and the cluster
 * stops.
 */
class FlinkRunJobJarIT {
  private static final Duration WAIT = Duration.ofSeconds(150);
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

  @Test
  void theJobJarRunsOnAStandaloneClusterAndServesWhatTheEmbeddedPathComputes(@TempDir Path dir)
      throws Exception {
    TestServices.requireRedis();
    TestServices.requirePostgres();
    Path lib = Path.of(System.getProperty("aml.flink.lib", "../flink-cluster/target/flink-lib"));
    Path jar = Path.of(System.getProperty("aml.job.jar", "target/aml-flink-job.jar"));
    assertThat(jar).as("the job jar (./mvnw -pl app -am package)").isRegularFile();
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String schema = "aml_it_flinkrun_" + id;
    String prefix = "aml-it-flinkrun-" + id + ":";
    String topic = "flinkrun-" + id;
    Path data = dir.resolve("data");
    ModelsCommandTest.promote(data.resolve("models"), "gbt-cluster");

    try (KafkaBroker broker =
            KafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", 0, Duration.ofSeconds(60));
        FlinkCluster cluster = FlinkCluster.start(dir.resolve("flink"), lib)) {
      String servers = broker.bootstrapServers();
      Map<String, String> env =
          Map.ofEntries(
              Map.entry("KAFKA_BOOTSTRAP_SERVERS", servers),
              Map.entry("KAFKA_TOPIC", topic),
              Map.entry("REDIS_HOST", "127.0.0.1"),
              Map.entry("REDIS_KEY_PREFIX", prefix),
              Map.entry("POSTGRES_HOST", "127.0.0.1"),
              Map.entry("POSTGRES_DB", "test"),
              Map.entry("POSTGRES_USER", "postgres"),
              Map.entry("POSTGRES_SCHEMA", schema),
              Map.entry("FLINK_PARALLELISM", "2"),
              Map.entry("FLINK_CHECKPOINT_INTERVAL", "2s"),
              Map.entry("AML_DATA_DIR", data.toString()));
      try (Topics topics = new Topics(servers)) {
        topics.ensure(topic, 3, Duration.ofSeconds(60));
      }
      List<Transaction> generated = generated(2_000);
      List<Transaction> stream = generated.subList(0, 1_500);
      List<Transaction> later = generated.subList(1_500, generated.size());
      List<Transaction> produced = new ArrayList<>(stream);
      produced.add(stream.get(10)); // a repeat: counted once
      produce(servers, topic, produced);
      produceRaw(servers, topic, "not json at all");
      produceRaw(servers, topic, "{\"transaction_id\":\"X1\",\"amount\":12.5}");
      JobSettings.Scoring scoring = scoring(env, servers, topic);
      EmbeddedPath expected = new EmbeddedPath(produced, scoring);

      Process run = submit(cluster, env, jar, dir, "flink-run");
      try (Database database =
          Database.open(
              new DatabaseConfig.Postgres(
                  "127.0.0.1", 5432, "test", "postgres", null, schema, 2))) {
        String job = awaitJobId(cluster, "flink-run", run);
        awaitDecisions(cluster, "flink-run", run, database, expected.firstDecisions().size());
        awaitServed(expected, prefix);
        expected.assertDecisionsIn(database);
        assertThat(expected.decisions())
            .allSatisfy(d -> assertThat(d.assessment().modelVersion()).isEqualTo("gbt-cluster"));

        List<String> deadLetters = TopicRecords.read(servers, topic + ".dead-letters", 2);
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters.get(0)).contains("\"record\":\"not json at all\"");
        assertThat(deadLetters.get(1)).contains("X1").contains("timestamp: is required");
        Set<String> alertIds = new HashSet<>();
        for (String alert : TopicRecords.read(servers, "alerts", expected.alerts())) {
          alertIds.add(alert.substring(0, alert.indexOf(',')));
        }
        assertThat(expected.alerts()).isPositive();
        assertThat(alertIds).hasSize(expected.alerts());

        cancel(cluster, env, job);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("flink run ends").isTrue();
        assertThat(run.exitValue()).as(cluster.output("flink-run")).isZero();
        assertThat(cluster.output("flink-run"))
            .contains("Scoring with the rules and model gbt-cluster")
            .contains("Stream job cancelled");
        awaitOverview(cluster, "\"jobs-cancelled\":1", "\"jobs-failed\":0");

        // more payments while it is stopped; the next run continues from the newest checkpoint
        produce(servers, topic, later);
        produced.addAll(later);
        EmbeddedPath all = new EmbeddedPath(produced, scoring);
        Process refused = submit(cluster, env, jar, dir, "flink-run-until-end", "--until-end");
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).as(cluster.output("flink-run-until-end")).isEqualTo(2);
        assertThat(cluster.output("flink-run-until-end"))
            .contains("--until-end")
            .contains("cannot continue from a checkpoint");

        Process restored = submit(cluster, env, jar, dir, "flink-run-restored");
        try {
          String again = awaitJobId(cluster, "flink-run-restored", restored);
          assertThat(cluster.output("flink-run-restored"))
              .contains("starting from " + dir.resolve("checkpoints"));
          awaitDecisions(
              cluster, "flink-run-restored", restored, database, all.firstDecisions().size());
          awaitServed(all, prefix);
          all.assertDecisionsIn(database);
          // Ctrl-C or SIGTERM on flink run: the command cancels its job before the JVM ends
          restored.destroy();
          assertThat(restored.waitFor(90, TimeUnit.SECONDS)).as("flink run ends").isTrue();
          assertThat(cluster.output("flink-run-restored"))
              .contains("Stream job " + again + " cancelled.");
        } finally {
          restored.destroyForcibly();
        }
        awaitOverview(cluster, "\"jobs-cancelled\":2", "\"jobs-failed\":0");

        // flink run -d: the command ends once the job is submitted; the job runs on
        Process detached =
            submit(cluster, env, jar, dir, "flink-run-detached", List.of("-d"), List.of());
        assertThat(detached.waitFor(90, TimeUnit.SECONDS)).as("flink run -d ends").isTrue();
        assertThat(detached.exitValue()).as(cluster.output("flink-run-detached")).isZero();
        String third = awaitJobId(cluster, "flink-run-detached", detached);
        assertThat(cluster.output("flink-run-detached"))
            .contains("Stream job " + third + " submitted detached");
        awaitOverview(cluster, "\"jobs-running\":1");
        cancel(cluster, env, third);
        awaitOverview(cluster, "\"jobs-cancelled\":3", "\"jobs-failed\":0");
      } finally {
        run.destroyForcibly();
      }
      cluster.stop();
    } finally {
      TestServices.removeRedisKeys(prefix);
      TestServices.dropSchema(schema);
    }
  }

  /** The job's scoring as {@code aml stream} derives it from {@code env}. */
  private static JobSettings.Scoring scoring(
      Map<String, String> env, String servers, String topic) {
    ConfigSources sources = new ConfigSources(Map.of(), env, Map.of());
    Settings settings = Settings.resolve(sources);
    return StreamCommand.jobSettings(
            settings,
            FlinkSettings.resolve(sources),
            settings.redis(),
            new JobSettings.Source(servers, topic, "aml-stream", false),
            SqlStores.config(settings),
            topic + ".dead-letters",
            "alerts",
            null)
        .scoring();
  }

  /** {@code flink run -c io.amlmonitor.app.Main JAR stream --checkpoint-dir DIR EXTRA}. */
  private static Process submit(
      FlinkCluster cluster,
      Map<String, String> env,
      Path jar,
      Path dir,
      String name,
      String... extra)
      throws Exception {
    return submit(cluster, env, jar, dir, name, List.of(), List.of(extra));
  }

  /** {@code flink run OPTIONS -c io.amlmonitor.app.Main JAR stream --checkpoint-dir DIR EXTRA}. */
  private static Process submit(
      FlinkCluster cluster,
      Map<String, String> env,
      Path jar,
      Path dir,
      String name,
      List<String> flinkOptions,
      List<String> extra)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(flinkOptions);
    args.addAll(
        List.of(
            "-c",
            Main.class.getName(),
            jar.toAbsolutePath().toString(),
            "stream",
            "--checkpoint-dir",
            dir.resolve("checkpoints").toString()));
    args.addAll(extra);
    return cluster.cli(name, env, args.toArray(String[]::new));
  }

  private static void cancel(FlinkCluster cluster, Map<String, String> env, String job)
      throws Exception {
    Process cancel = cluster.cli("flink-cancel-" + job, env, "cancel", job);
    assertThat(cancel.waitFor(60, TimeUnit.SECONDS)).as("flink cancel ends").isTrue();
    assertThat(cancel.exitValue()).as(cluster.output("flink-cancel-" + job)).isZero();
  }

  private static String awaitJobId(FlinkCluster cluster, String name, Process run)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Matcher m = JOB_ID.matcher(cluster.output(name));
      if (m.find()) {
        return m.group(1);
      }
      stillRunning(cluster, name, run, deadline, "the job to be submitted");
      Thread.sleep(200);
    }
  }

  private static void awaitDecisions(
      FlinkCluster cluster, String name, Process run, Database database, long count)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (database.decisions().count() < count) {
      stillRunning(cluster, name, run, deadline, count + " decisions");
      Thread.sleep(200);
    }
  }

  private static void stillRunning(
      FlinkCluster cluster, String name, Process run, long deadline, String what) {
    assertThat(run.isAlive())
        .as("flink run ended while waiting for %s: %s", what, cluster.output(name))
        .isTrue();
    assertThat(System.nanoTime())
        .as("waiting for %s: %s%s", what, cluster.output(name), cluster.logs())
        .isLessThan(deadline);
  }

  /** Waits until the cluster's overview shows every one of {@code parts}. */
  private static void awaitOverview(FlinkCluster cluster, String... parts) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String overview = cluster.overview();
    while (!Arrays.stream(parts).allMatch(overview::contains)) {
      assertThat(System.nanoTime()).as("the cluster's overview: %s", overview).isLessThan(deadline);
      Thread.sleep(200);
      overview = cluster.overview();
    }
  }

  /** The served features converge once the last states are flushed to Redis. */
  private static void awaitServed(EmbeddedPath expected, String prefix) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        expected.assertServedFrom("127.0.0.1", 6379, prefix);
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(500);
      }
    }
  }

  private static List<Transaction> generated(int n) {
    Iterator<LabelledTransaction> it =
        Generator.create(GeneratorConfig.of(300, 40, 10, 42).withLaunderingShare(0.05)).iterator();
    List<Transaction> out = new ArrayList<>(n);
    while (it.hasNext() && out.size() < n) {
      out.add(it.next().transaction());
    }
    return out;
  }

  private static void produce(String servers, String topic, List<Transaction> transactions) {
    try (TransactionProducer producer = new TransactionProducer(servers, topic, Map.of())) {
      transactions.forEach(producer::send);
      producer.flush();
    }
  }

  private static void produceRaw(String servers, String topic, String value) {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "bad", value.getBytes(StandardCharsets.UTF_8)));
      producer.flush();
    }
  }
}

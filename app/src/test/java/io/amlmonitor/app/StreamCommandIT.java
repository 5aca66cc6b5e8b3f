package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.kafka.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code aml produce} then {@code aml stream --until-end}: the command runs the Flink job on a
 * local MiniCluster against an in-process broker and the machine's Redis, and every transaction
 * gets its decision in the embedded system of record, scored with the model promoted in the data
 * directory.
 */
class StreamCommandIT {

  private static int run(Object command, ByteArrayOutputStream err, String... args) {
    return Commands.run(command, err, args);
  }

  @Test
  void streamScoresEveryProducedTransactionAndServesItsFeaturesFromRedis(@TempDir Path dir)
      throws Exception {
    TestServices.requireRedis();
    String prefix = "aml-it-stream-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    try (KafkaBroker broker =
        KafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", 0, Duration.ofSeconds(60))) {
      String servers = broker.bootstrapServers();
      ByteArrayOutputStream produced = new ByteArrayOutputStream();
      int code =
          run(
              new ProduceCommand(
                  new PrintStream(produced, true, StandardCharsets.UTF_8),
                  InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z"))),
              new ByteArrayOutputStream(),
              "produce",
              "--bootstrap-servers",
              servers,
              "--count",
              "300",
              "--rate",
              "0",
              "--event-time",
              "generated",
              "--customers",
              "100",
              "--days",
              "5");
      assertThat(code).as(produced.toString(StandardCharsets.UTF_8)).isZero();
      ModelsCommandTest.promote(dir.resolve("data/models"), "gbt-stream");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      code =
          run(
              new StreamCommand(new PrintStream(out, true, StandardCharsets.UTF_8)),
              err,
              "stream",
              "--bootstrap-servers",
              servers,
              "--redis-host",
              "127.0.0.1",
              "--redis-key-prefix",
              prefix,
              "--data-dir",
              dir.resolve("data").toString(),
              "--parallelism",
              "1",
              "--checkpoint-interval",
              "1s",
              "--until-end");
      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(text)
          .contains("finished: 300 transactions scored")
          .contains("Scoring with the rules and model gbt-stream");
      try (Database db = Database.open(new DatabaseConfig.Embedded(dir.resolve("data/db"), 2))) {
        assertThat(db.decisions().count()).isEqualTo(300);
        List<String> versions = new ArrayList<>();
        db.decisions()
            .forEachCreatedIn(
                new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(3600)),
                d -> versions.add(d.modelVersion()));
        assertThat(versions).hasSize(300).containsOnly("gbt-stream");
      }
      try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
        assertThat(jedis.keys(prefix + "state:CUSTOMER:*")).isNotEmpty();
        assertThat(jedis.exists(prefix + "population")).isTrue();
      }
    } finally {
      TestServices.removeRedisKeys(prefix);
    }
  }
}

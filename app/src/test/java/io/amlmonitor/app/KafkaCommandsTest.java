package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import io.amlmonitor.kafka.TransactionRecords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml kafka-broker} and {@code aml produce} together, on a real in-process broker. */
class KafkaCommandsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static int run(Object command, ByteArrayOutputStream err, String... args) {
    return Commands.run(command, err, args);
  }

  @Test
  void produceWritesTheBurstThenTheChosenScenarioAndEveryRecordIsAcknowledged(@TempDir Path dir)
      throws Exception {
    ByteArrayOutputStream brokerOut = new ByteArrayOutputStream();
    KafkaBrokerCommand broker =
        new KafkaBrokerCommand(new PrintStream(brokerOut, true, StandardCharsets.UTF_8));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Integer> brokerExit =
        pool.submit(
            () ->
                run(
                    broker,
                    new ByteArrayOutputStream(),
                    "kafka-broker",
                    "--port",
                    "0",
                    "--dir",
                    dir.resolve("kafka").toString(),
                    "--partitions",
                    "3"));
    try {
      String servers = awaitReady(brokerOut, brokerExit);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ProduceCommand produce =
          new ProduceCommand(
              new PrintStream(out, true, StandardCharsets.UTF_8), InstantSource.fixed(NOW));

      int code =
          run(
              produce,
              new ByteArrayOutputStream(),
              "produce",
              "--bootstrap-servers",
              servers,
              "--count",
              "400",
              "--rate",
              "0",
              "--burst-customer",
              "C000007",
              "--burst-size",
              "12",
              "--scenario",
              "structuring",
              "--event-time",
              "generated",
              "--customers",
              "200",
              "--merchants",
              "30",
              "--days",
              "10",
              "--laundering-share",
              "0.2");

      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(text).isZero();
      assertThat(text).contains("400 acknowledged, 0 failed");
      List<Transaction> received = readAll(servers, 400);
      assertThat(received).hasSize(400);
      List<Transaction> burst =
          received.stream().filter(t -> t.id().value().startsWith("BURST-")).toList();
      assertThat(burst).hasSize(12).allMatch(t -> t.customerId().value().equals("C000007"));
      assertThat(burst).isSortedAccordingTo(java.util.Comparator.comparing(Transaction::timestamp));
      List<Transaction> expected = new ArrayList<>();
      Generator g = Generator.create(Populations.config(200, 30, 10, 42, 0.2, ZoneOffset.UTC));
      for (LabelledTransaction lt : g) {
        if (expected.size() == 388) {
          break;
        }
        if (!lt.isLaundering() || lt.typology() == Typology.STRUCTURING) {
          expected.add(lt.transaction());
        }
      }
      assertThat(received.stream().filter(t -> !t.id().value().startsWith("BURST-")))
          .containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      broker.stopped.countDown();
      assertThat(brokerExit.get(60, TimeUnit.SECONDS)).isZero();
      pool.shutdownNow();
    }
  }

  @Test
  void produceRefusesAMissingBrokerAndBadOptionsNamingThem() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProduceCommand produce =
        new ProduceCommand(new PrintStream(new ByteArrayOutputStream()), InstantSource.system());
    assertThat(run(produce, err, "produce", "--count", "1")).isEqualTo(Main.CONFIG_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("KAFKA_BOOTSTRAP_SERVERS");
    for (String[] bad :
        new String[][] {
          {"--scenario", "fraud"},
          {"--rate", "-1"},
          {"--count", "0"},
          {"--event-time", "later"},
          {"--bootstrap-servers", "no port"},
          {"--topic", "a topic"}
        }) {
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      List<String> args = new ArrayList<>(List.of("produce", "--bootstrap-servers", "127.0.0.1:1"));
      args.addAll(List.of(bad));
      ProduceCommand fresh =
          new ProduceCommand(new PrintStream(new ByteArrayOutputStream()), InstantSource.system());
      assertThat(run(fresh, e, args.toArray(String[]::new)))
          .as(String.join(" ", bad))
          .isEqualTo(Main.CONFIG_ERROR);
      assertThat(e.toString(StandardCharsets.UTF_8))
          .contains(
              bad[0].equals("--bootstrap-servers")
                  ? "KAFKA_BOOTSTRAP_SERVERS"
                  : bad[0].equals("--topic") ? "KAFKA_TOPIC" : bad[0]);
    }
  }

  private static String awaitReady(ByteArrayOutputStream out, Future<Integer> exit)
      throws Exception {
    Pattern ready = Pattern.compile("KAFKA_BOOTSTRAP_SERVERS=(\\S+?)\\.? ");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = ready.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      if (exit.isDone()) {
        throw new AssertionError("the broker stopped: " + exit.get() + "\n" + out);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the broker did not start:\n" + out);
  }

  private static List<Transaction> readAll(String servers, int expected) throws Exception {
    List<Transaction> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("transactions"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(TransactionRecords.decode(r.value()));
        }
      }
      // nothing more than expected arrives
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        out.add(TransactionRecords.decode(r.value()));
      }
    }
    return out;
  }
}

package io.amlmonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process KRaft broker, the producer and the record format together, for real. */
class KafkaBrokerTest {
  private static final Duration START = Duration.ofSeconds(60);

  private static List<Transaction> stream(int n) {
    Random random = new Random(7);
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    List<Transaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t = t.plusMillis(1 + random.nextInt(5_000));
      out.add(
          Transaction.builder()
              .id("T" + i)
              .timestamp(t)
              .customer("C" + random.nextInt(20))
              .merchant("M" + random.nextInt(7))
              .amount(1 + random.nextInt(100_000) / 100.0)
              .ipAddress("10.0.0." + random.nextInt(255))
              .build());
    }
    return out;
  }

  private static List<Transaction> readAll(String bootstrap, int expected) throws Exception {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<Transaction> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("transactions"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          Transaction t = TransactionRecords.decode(r.value());
          assertThat(r.key()).isEqualTo(t.customerId().value());
          assertThat(r.timestamp()).isEqualTo(t.timestamp().toEpochMilli());
          out.add(t);
        }
      }
    }
    return out;
  }

  @Test
  void recordsProducedRightAfterTheTopicIsCreatedAreAllThereInCustomerOrderAndSurviveARestart(
      @TempDir Path dir) throws Exception {
    List<Transaction> sent = stream(2_000);
    String bootstrap;
    try (KafkaBroker broker = KafkaBroker.start(dir, "127.0.0.1", 0, START)) {
      bootstrap = broker.bootstrapServers();
      try (Topics topics = new Topics(bootstrap)) {
        assertThat(topics.ensure("transactions", 3, Duration.ofSeconds(30))).isEqualTo(3);
        assertThat(topics.ensure("transactions", 5, Duration.ofSeconds(30)))
            .as("an existing topic is kept as it is")
            .isEqualTo(3);
      }
      try (TransactionProducer producer =
          new TransactionProducer(bootstrap, "transactions", Map.of())) {
        sent.forEach(producer::send);
        producer.flush();
        assertThat(producer.acknowledged()).isEqualTo(sent.size());
        assertThat(producer.failed()).isZero();
      }

      List<Transaction> received = readAll(bootstrap, sent.size());

      assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
      assertThat(byCustomer(received)).isEqualTo(byCustomer(sent));
    }

    try (KafkaBroker again = KafkaBroker.start(dir, "127.0.0.1", 0, START);
        Topics topics = new Topics(again.bootstrapServers())) {
      assertThat(
              topics.endOffsets("transactions").values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(sent.size());
    }
  }

  /** Each customer's transaction ids, in the order of the list. */
  private static Map<String, List<String>> byCustomer(List<Transaction> ts) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Transaction t : ts) {
      out.computeIfAbsent(t.customerId().value(), k -> new ArrayList<>()).add(t.id().value());
    }
    return out;
  }
}

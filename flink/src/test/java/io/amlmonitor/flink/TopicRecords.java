package io.amlmonitor.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads what a job wrote to a topic, for tests (shared through this module's test jar). */
public final class TopicRecords {
  private TopicRecords() {}

  /**
   * The values of {@code topic}'s records from its start, as text: waits up to 30 s for {@code
   * atLeast} of them, then a second more to see any extra one.
   *
   * <p>No consumer group: partitions are assigned by hand. A group needs the broker's group
   * coordinator, which a loaded in-process broker may take minutes to give.
   */
  public static List<String> read(String bootstrapServers, String topic, int atLeast) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
        if (out.size() >= atLeast) {
          consumer
              .poll(Duration.ofSeconds(1))
              .forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
          break;
        }
      }
    }
    return out;
  }
}

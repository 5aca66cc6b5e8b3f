package io.amlmonitor.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics and waits until they can take records.
 *
 * <p>Implementation note: a broker can acknowledge records produced right after a topic was created
 * and then lose them (KAFKA-15591). So a topic counts as ready only once every partition has a
 * leader that answers a {@code listOffsets}.
 */
public final class Topics implements AutoCloseable {
  private final Admin admin;
  private final String bootstrapServers;

  public Topics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
  }

  /**
   * Creates {@code name} with {@code partitions} partitions unless it exists, then waits until it
   * is ready.
   *
   * @return the topic's partition count (that of the existing topic, if it existed)
   * @throws KafkaUnavailableException when the brokers cannot be reached or the topic is not ready
   *     within {@code timeout}
   */
  public int ensure(String name, int partitions, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      try {
        admin
            .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      while (true) {
        try {
          return ready(name);
        } catch (ExecutionException | NotReady e) {
          if (System.nanoTime() > deadline) {
            throw new KafkaUnavailableException(
                "topic " + name + " on " + bootstrapServers + " is not ready: " + e.getMessage(),
                e);
          }
          Thread.sleep(50);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while creating " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaUnavailableException(
          "cannot create topic " + name + " on " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }

  private int ready(String name) throws ExecutionException, InterruptedException, NotReady {
    TopicDescription d = admin.describeTopics(Set.of(name)).allTopicNames().get().get(name);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicPartitionInfo p : d.partitions()) {
      if (p.leader() == null || p.leader().isEmpty()) {
        throw new NotReady("partition " + p.partition() + " has no leader yet");
      }
      latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
    }
    admin.listOffsets(latest).all().get();
    return d.partitions().size();
  }

  /**
   * The number of records in each partition of {@code name} (end offsets, for a compacted-free
   * topic).
   */
  public Map<Integer, Long> endOffsets(String name) {
    try {
      TopicDescription d = admin.describeTopics(Set.of(name)).allTopicNames().get().get(name);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      d.partitions()
          .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
      Map<Integer, Long> out = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((tp, info) -> out.put(tp.partition(), info.offset()));
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while reading offsets of " + name, e);
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException(
          "cannot read the offsets of " + name + ": " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  private static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;

    NotReady(String message) {
      super(message);
    }
  }
}

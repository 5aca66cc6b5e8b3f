package io.amlmonitor.kafka;

import io.amlmonitor.core.domain.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes transactions to a topic as {@link TransactionRecords}, keyed by customer so that each
 * customer's transactions stay in order in one partition.
 *
 * <p>The producer is idempotent with {@code acks=all}: a retried send is not written twice. Sends
 * are asynchronous; {@link #flush()} waits for every one sent so far and reports the first failure.
 */
public final class TransactionProducer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

  /**
   * @param bootstrapServers {@code host:port[,host:port…]}
   * @param extra further producer settings, which win over the defaults
   */
  public TransactionProducer(String bootstrapServers, String topic, Map<String, Object> extra) {
    this.topic = Objects.requireNonNull(topic, "topic");
    Map<String, Object> config =
        new java.util.HashMap<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.CLIENT_ID_CONFIG,
                "aml-produce"));
    config.putAll(extra);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends {@code t}; a failure is counted and reported by {@link #flush()}. */
  public void send(Transaction t) {
    producer.send(
        record(t),
        (metadata, error) -> {
          if (error == null) {
            acknowledged.incrementAndGet();
          } else {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, error);
          }
        });
  }

  /**
   * Sends {@code batch} and waits until the broker has acknowledged every record of it: for a
   * caller that answers only once its transactions are durable (as the API does once it has
   * journaled them).
   *
   * @throws KafkaUnavailableException when a record could not be written within {@code timeout};
   *     records of the batch may have been written (a retry writes them again, and the stream job
   *     counts a repeated transaction id once)
   */
  public void sendAndWait(List<Transaction> batch, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
    try {
      for (Transaction t : batch) {
        sent.add(producer.send(record(t)));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while writing to " + topic, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      failed.incrementAndGet();
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new KafkaUnavailableException(
          "could not write to " + topic + " within " + timeout.toMillis() + " ms: " + cause, cause);
    }
  }

  /**
   * Waits until every record sent so far is acknowledged or has failed.
   *
   * @throws KafkaUnavailableException with the first failure, when a record could not be written
   */
  public void flush() {
    producer.flush();
    Exception e = firstFailure.get();
    if (e != null) {
      throw new KafkaUnavailableException(
          failed.get() + " record(s) could not be written to " + topic + ": " + e.getMessage(), e);
    }
  }

  private ProducerRecord<String, byte[]> record(Transaction t) {
    return new ProducerRecord<>(
        topic,
        null,
        t.timestamp().toEpochMilli(),
        TransactionRecords.key(t),
        TransactionRecords.encode(t));
  }

  /** Records the broker acknowledged. */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** Records that could not be written. */
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}

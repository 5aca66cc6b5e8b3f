package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.kafka.KafkaUnavailableException;
import io.amlmonitor.kafka.TransactionProducer;
import io.amlmonitor.server.TransactionIngest;
import io.amlmonitor.server.TransactionScoring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The API of an instance whose features a stream job counts ({@code aml stream}): it scores each
 * transaction against the features the job serves, then writes it to the transactions topic, where
 * the job counts it, records its decision and raises its alert. This instance writes no feature
 * state, so the job stays the one writer of the online store.
 *
 * <p>A transaction is answered only once the broker has it: if the topic cannot take it, the caller
 * gets a {@link StoreUnavailableException} (503) and nothing was counted, as when the embedded path
 * cannot journal.
 */
final class StreamFedScoring implements TransactionScoring, TransactionIngest, AutoCloseable {
  /** How long a request waits for the broker's acknowledgement. */
  static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(5);

  private final TransactionProcessor processor;
  private final TransactionProducer producer;
  private final String topic;
  private final LongAdder published = new LongAdder();
  private final LongAdder failures = new LongAdder();

  StreamFedScoring(TransactionProcessor processor, String bootstrapServers, String topic) {
    this.processor = Objects.requireNonNull(processor, "processor");
    this.topic = Objects.requireNonNull(topic, "topic");
    // A request must not hang on a broker that is away: fail within the acknowledgement time.
    this.producer =
        new TransactionProducer(
            bootstrapServers,
            topic,
            Map.of(
                "max.block.ms",
                (int) ACKNOWLEDGEMENT.toMillis(),
                "delivery.timeout.ms",
                (int) ACKNOWLEDGEMENT.toMillis(),
                "request.timeout.ms",
                (int) ACKNOWLEDGEMENT.toMillis() - 500,
                "linger.ms",
                0,
                "client.id",
                "aml-api"));
  }

  @Override
  public Decision score(Transaction t) {
    Decision d = processor.assess(t);
    publish(List.of(t));
    return d;
  }

  @Override
  public List<Decision> scoreAll(List<Transaction> batch) {
    List<Decision> out = new ArrayList<>(batch.size());
    for (Transaction t : batch) {
      out.add(processor.assess(t));
    }
    publish(batch);
    return out;
  }

  @Override
  public boolean offer(Transaction t) {
    publish(List.of(t));
    return true;
  }

  private void publish(List<Transaction> batch) {
    try {
      producer.sendAndWait(batch, ACKNOWLEDGEMENT);
      published.add(batch.size());
    } catch (KafkaUnavailableException e) {
      failures.increment();
      throw new StoreUnavailableException(
          "the transactions topic " + topic + " did not take the transaction: " + e.getMessage(),
          e);
    }
  }

  String topic() {
    return topic;
  }

  /** Transactions the broker acknowledged. */
  long published() {
    return published.sum();
  }

  /** Requests whose transactions the broker did not take. */
  long failures() {
    return failures.sum();
  }

  @Override
  public void close() {
    producer.close();
  }
}

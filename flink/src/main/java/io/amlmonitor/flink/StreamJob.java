package io.amlmonitor.flink;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.kafka.AlertRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The streaming job: transactions from Kafka, features in Flink keyed state, feature state served
 * from Redis, decisions to the system of record and alerts to a topic.
 *
 * <pre>
 * Kafka transactions ─ decode ─┬─ dead letters ─────────────────────────────▶ Kafka dead-letter topic
 *                              └─ keyBy payer ─ admission ─┬─ accepted payments ─ broadcast ─┐
 *                                                          └─ keyBy entity ─ entity state ◀──┘ ─▶ Redis
 *                                                              └─ keyBy transaction ─ score ─┬─▶ decisions (SQL)
 *                                                                                            └─▶ Kafka alerts topic
 * </pre>
 *
 * Every operator calls the core: {@link AdmissionFunction} and {@link EntityFunction} the same
 * {@code FeatureEngine} the embedded path runs, party by party; {@link ScoreFunction} the same
 * scorer, with the rules and the model in the settings (the one promoted when the job was built).
 * Event time comes from the record timestamps (the producer sets them to the transaction's time).
 * Watermarks, which trail the newest time by the out-of-orderness bound, put each entity's payments
 * back in event-time order across partitions and payers ({@link EntityFunction}); the windows
 * themselves are the engine's, exact to the millisecond, and the engine places a payment that comes
 * later than the watermark as long as it is within the allowed lateness.
 */
public final class StreamJob {
  /**
   * A partition that has had no record stops holding the watermark back after this long: as long as
   * a quiet one. At start a partition with a backlog can go seconds without a record while the
   * tasks downstream start and hold the source back (4 to 7 s on a loaded 2-core machine); at 3 s,
   * as before, the other partitions moved the watermark days ahead and its payments came too late.
   */
  private static final Duration EMPTY_PARTITION = Duration.ofSeconds(30);

  /** A partition that has had records stops holding it back after this long without one. */
  private static final Duration QUIET_PARTITION = Duration.ofSeconds(30);

  private static final long WATERMARK_INTERVAL_MILLIS = 20;

  private final JobSettings settings;

  public StreamJob(JobSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Adds the job's graph to {@code env} and sets its parallelism and checkpointing. */
  public void build(StreamExecutionEnvironment env) {
    // every record between operators and in state has a serializer of its own (Events); Kryo,
    // Flink's fallback for a class it cannot analyse, is refused, so a new type without one
    // fails when the job is built rather than slowing every record down
    env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    env.setParallelism(settings.parallelism());
    env.enableCheckpointing(settings.checkpointInterval().toMillis());
    // freshness: hand records to the next operator within 5 ms rather than when a buffer fills
    env.setBufferTimeout(5);
    // chained operators hand over their objects rather than copies: a decision refers to the
    // compiled rules, which are not meant to be copied, and copying costs time for nothing
    env.getConfig().enableObjectReuse();
    env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL_MILLIS);
    JobSettings.Scoring scoring = settings.scoring();
    // only the score operator reads the model: the others would carry its files in the job graph
    // (and to every task) for nothing
    JobSettings.Scoring withoutModel = scoring.withModel(null);

    DataStream<Events.Raw> raw =
        env.fromSource(source(), watermarks(settings.outOfOrderness().toMillis()), "transactions");
    SingleOutputStreamOperator<Transaction> transactions =
        raw.process(new DecodeFunction()).returns(Events.TRANSACTION).name("decode").uid("decode");
    transactions
        .getSideOutput(DecodeFunction.DEAD_LETTERS)
        .sinkTo(bytesSink(settings.deadLetterTopic()))
        .name("dead letters")
        .uid("dead-letters");

    SingleOutputStreamOperator<Events.Part> parts =
        transactions
            .keyBy(t -> t.customerId().value())
            .process(new AdmissionFunction(withoutModel))
            .returns(Events.PART)
            .name("admission")
            .uid("admission");
    BroadcastStream<Events.Payment> population =
        parts
            .getSideOutput(AdmissionFunction.ACCEPTED)
            .broadcast(PopulationFeed.POPULATION, PopulationFeed.HELD);
    SingleOutputStreamOperator<Events.PartFeatures> features =
        parts
            .keyBy(Events.Part::entityKey)
            .connect(population)
            .process(new EntityFunction(withoutModel, settings.redis()))
            .returns(Events.PART_FEATURES)
            .name("entity state")
            .uid("entity-state");
    SingleOutputStreamOperator<Decision> decisions =
        features
            .keyBy(f -> f.payment().id().value())
            .process(new ScoreFunction(scoring))
            .returns(Events.DECISION)
            .name("score")
            .uid("score");
    if (settings.decisions() != null) {
      decisions.sinkTo(new DecisionSink(settings.decisions())).name("decisions").uid("decisions");
    }
    decisions
        .filter(d -> d.alert() != null)
        .map(Decision::alert)
        .returns(TypeInformation.of(Alert.class))
        .name("alerts")
        .uid("alerts")
        .sinkTo(alertsSink())
        .name("alerts topic")
        .uid("alerts-topic");
  }

  /** Static, so the functions it makes capture nothing but the bound. */
  private static WatermarkStrategy<Events.Raw> watermarks(long boundMillis) {
    return WatermarkStrategy.<Events.Raw>forGenerator(
            context -> new QuietAwareWatermarks<>(boundMillis, EMPTY_PARTITION, QUIET_PARTITION))
        .withTimestampAssigner((r, previous) -> r.timestamp());
  }

  private KafkaSource<Events.Raw> source() {
    JobSettings.Source s = settings.source();
    var builder =
        KafkaSource.<Events.Raw>builder()
            .setBootstrapServers(s.bootstrapServers())
            .setTopics(s.topic())
            .setGroupId(s.groupId())
            // where the group left off; from the start for a new group. A restore from a
            // checkpoint uses the checkpoint's offsets instead.
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new RawDeserializer());
    if (s.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }

  private KafkaSink<byte[]> bytesSink(String topic) {
    return KafkaSink.<byte[]>builder()
        .setBootstrapServers(settings.source().bootstrapServers())
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<byte[]>builder()
                .setTopic(topic)
                .setValueSerializationSchema(new AsIs())
                .build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  /**
   * At least once: after a restore an alert may be written again, with the same id (derived from
   * its transaction's), which consumers use to keep it once; exactly-once would hold every alert
   * back until the next checkpoint commits.
   */
  private KafkaSink<Alert> alertsSink() {
    return KafkaSink.<Alert>builder()
        .setBootstrapServers(settings.source().bootstrapServers())
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<Alert>builder()
                .setTopic(settings.alertsTopic())
                .setKeySerializationSchema(new AlertKey())
                .setValueSerializationSchema(new AlertValue())
                .build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  /** A value already in bytes. */
  private static final class AsIs implements SerializationSchema<byte[]> {
    @Override
    public byte[] serialize(byte[] value) {
      return value;
    }
  }

  private static final class AlertKey implements SerializationSchema<Alert> {
    @Override
    public byte[] serialize(Alert a) {
      return AlertRecords.key(a).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final class AlertValue implements SerializationSchema<Alert> {
    @Override
    public byte[] serialize(Alert a) {
      return AlertRecords.encode(a);
    }
  }

  /** Keeps each record's value with where it came from, for dead letters. */
  private static final class RawDeserializer
      implements KafkaRecordDeserializationSchema<Events.Raw> {
    @Override
    public void deserialize(
        ConsumerRecord<byte[], byte[]> record, org.apache.flink.util.Collector<Events.Raw> out) {
      out.collect(
          new Events.Raw(
              record.topic(),
              record.partition(),
              record.offset(),
              record.timestamp(),
              record.value()));
    }

    @Override
    public TypeInformation<Events.Raw> getProducedType() {
      return Events.RAW;
    }
  }
}

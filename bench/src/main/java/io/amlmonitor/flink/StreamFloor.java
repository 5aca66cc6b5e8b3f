package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The platform's own cost under the streaming job, for the benchmark only: jobs over the same topic
 * and records as {@link StreamJob} that do none of its work (no feature state, no Redis, no rules),
 * so that the job's measured rate can be set against what Kafka and Flink alone reach on this
 * machine.
 *
 * <ul>
 *   <li>{@link Mode#DECODE}: the Kafka source and the job's own decoding of each record into a
 *       transaction, then nothing.
 *   <li>{@link Mode#SHAPE}: the job's graph with empty operators: decode, keyed by payer (one part
 *       per party and the accepted payment broadcast, as admission emits them), keyed by entity and
 *       joined with the broadcast (each part's empty feature arrays of the vector's size, as the
 *       entity operator sends them), keyed by transaction (the parts gathered in keyed state, as
 *       the scorer gathers them), then nothing. Every record crosses the same three shuffles with
 *       the same serializers.
 * </ul>
 *
 * <p>In the bench module under the job's package only to reach its package-private records and
 * serializers; nothing in the product uses it.
 */
public final class StreamFloor {
  /** Which empty job to run. */
  public enum Mode {
    DECODE,
    SHAPE;

    public static Mode parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  private StreamFloor() {}

  /** Adds the empty job of {@code mode} over {@code topic}, read to its end, to {@code env}. */
  public static void build(
      StreamExecutionEnvironment env,
      Mode mode,
      String bootstrapServers,
      String topic,
      int parallelism) {
    env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    env.setParallelism(parallelism);
    env.setBufferTimeout(5);
    env.getConfig().enableObjectReuse();
    KafkaSource<Events.Raw> source =
        KafkaSource.<Events.Raw>builder()
            .setBootstrapServers(bootstrapServers)
            .setTopics(topic)
            .setGroupId("floor-" + mode.name().toLowerCase(Locale.ROOT))
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new Raw())
            .setBounded(OffsetsInitializer.latest())
            .build();
    DataStream<Events.Raw> raw =
        env.fromSource(
            source,
            WatermarkStrategy.<Events.Raw>forMonotonousTimestamps()
                .withTimestampAssigner((r, previous) -> r.timestamp()),
            "transactions");
    SingleOutputStreamOperator<Transaction> transactions =
        raw.process(new DecodeFunction()).returns(Events.TRANSACTION).name("decode");
    if (mode == Mode.DECODE) {
      transactions.sinkTo(new DiscardingSink<>());
      return;
    }
    SingleOutputStreamOperator<Events.Part> parts =
        transactions
            .keyBy(t -> t.customerId().value())
            .process(new Split())
            .returns(Events.PART)
            .name("admission (empty)");
    BroadcastStream<Events.Payment> population =
        parts.getSideOutput(Split.ACCEPTED).broadcast(Empty.POPULATION);
    parts
        .keyBy(Events.Part::entityKey)
        .connect(population)
        .process(new Empty())
        .returns(Events.PART_FEATURES)
        .name("entity state (empty)")
        .keyBy(f -> f.payment().id().value())
        .process(new Gather())
        .returns(Types.INT)
        .name("score (empty)")
        .sinkTo(new DiscardingSink<>());
  }

  private static final class Raw implements KafkaRecordDeserializationSchema<Events.Raw> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Events.Raw> out) {
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

  /** Admission without the payer's flow: every payment accepted. */
  private static final class Split extends KeyedProcessFunction<String, Transaction, Events.Part> {
    static final org.apache.flink.util.OutputTag<Events.Payment> ACCEPTED =
        new org.apache.flink.util.OutputTag<>("accepted", Events.PAYMENT);

    @Override
    public void processElement(Transaction t, Context ctx, Collector<Events.Part> out) {
      ctx.output(ACCEPTED, new Events.Payment(t.timestamp().toEpochMilli(), t.amount().cents()));
      boolean merchant = t.merchantId() != null;
      boolean account = t.counterpartyId() != null;
      int n = 1 + (merchant ? 1 : 0) + (account ? 1 : 0);
      out.collect(new Events.Part(t, EntityType.CUSTOMER, Placement.ACCEPTED, n));
      if (merchant) {
        out.collect(new Events.Part(t, EntityType.MERCHANT, Placement.ACCEPTED, n));
      }
      if (account) {
        out.collect(new Events.Part(t, EntityType.COUNTERPARTY, Placement.ACCEPTED, n));
      }
    }
  }

  /** The entity operator without an entity: empty feature arrays of the vector's size. */
  private static final class Empty
      extends KeyedBroadcastProcessFunction<
          String, Events.Part, Events.Payment, Events.PartFeatures> {
    static final MapStateDescriptor<Integer, Long> POPULATION =
        new MapStateDescriptor<>("population", Types.INT, Types.LONG);

    private transient int size;

    @Override
    public void open(OpenContext context) {
      size = FeatureRegistry.standard().size();
    }

    @Override
    public void processElement(
        Events.Part part, ReadOnlyContext ctx, Collector<Events.PartFeatures> out) {
      out.collect(
          new Events.PartFeatures(
              part.payment(),
              part.placement(),
              part.parts(),
              new double[size],
              FeatureVector.nothingRead(),
              true));
    }

    @Override
    public void processBroadcastElement(
        Events.Payment payment, Context ctx, Collector<Events.PartFeatures> out) {
      // the population's statistics are not kept: the broadcast's cost is in the shuffle
    }
  }

  /** The scorer's gathering of a payment's parts, without the scoring. */
  private static final class Gather
      extends KeyedProcessFunction<String, Events.PartFeatures, Integer> {
    private transient ValueState<Events.PartFeatures> gathered;

    @Override
    public void open(OpenContext context) {
      gathered =
          getRuntimeContext()
              .getState(new ValueStateDescriptor<>("gathered", PartFeaturesSerializer.INSTANCE));
    }

    @Override
    public void processElement(Events.PartFeatures part, Context ctx, Collector<Integer> out)
        throws Exception {
      Events.PartFeatures so = gathered.value();
      int left = (so == null ? part.parts() : so.parts()) - 1;
      if (left > 0) {
        gathered.update(
            new Events.PartFeatures(
                part.payment(), part.placement(), left, part.values(), part.previous(), true));
        return;
      }
      gathered.clear();
      out.collect(part.parts());
    }
  }
}

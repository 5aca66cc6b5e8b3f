package io.amlmonitor.flink;

import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.redis.RedisStateWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by entity (a customer or a merchant): holds the entity's whole feature state, the one the
 * embedded engine keeps, in Flink keyed state. For each part of a payment it reads the features the
 * entity gives the payment, as of just before it, then adds the payment to the entity's flow when
 * the payer accepted it; the changed state is written to Redis, in the layout the API reads, within
 * the flush interval and before every checkpoint completes.
 *
 * <p>Every task also keeps the population statistics of all accepted payments (a broadcast input,
 * counted in event-time order by {@link PopulationFeed}), which the features comparing a payment
 * with the whole population read; the first task writes them to Redis with its states.
 */
final class EntityFunction
    extends KeyedBroadcastProcessFunction<String, Events.Part, Events.Payment, Events.PartFeatures>
    implements CheckpointedFunction {
  private static final int MAX_UNWRITTEN = 4_096;

  private final JobSettings.Scoring scoring;
  private final JobSettings.RedisTarget redis;
  private transient FeatureEngine engine;
  private transient KeyedEntityStateStore store;
  private transient MapState<Long, List<Events.Part>> waiting;
  private transient PopulationFeed population;
  private transient boolean writesPopulation;
  private transient RedisStateWriter writer;
  private transient Map<String, RedisStateWriter.Change> unwritten;
  private transient Counter written;
  private transient Counter mismatched;
  private transient HeldEntities held;

  EntityFunction(JobSettings.Scoring scoring, JobSettings.RedisTarget redis) {
    this.scoring = scoring;
    this.redis = redis;
  }

  @Override
  public void open(OpenContext context) {
    ValueState<EntityState> customers =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "customer", new EntityStateSerializer(EntityType.CUSTOMER, scoring)));
    ValueState<EntityState> merchants =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "merchant", new EntityStateSerializer(EntityType.MERCHANT, scoring)));
    store = new KeyedEntityStateStore(customers, merchants);
    held.track(store, getRuntimeContext().getMetricGroup());
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "waiting",
                    LongSerializer.INSTANCE,
                    new ListSerializer<>(PartSerializer.INSTANCE)));
    population = new PopulationFeed();
    engine =
        new FeatureEngine(
            FeatureRegistry.standard(),
            scoring.featureSettings(),
            store,
            scoring.customerProfiles(),
            population.readable());
    writer =
        new RedisStateWriter(
            redis.host(), redis.port(), scoring.codec(), redis.keyPrefix(), redis.ttl());
    writesPopulation = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
    unwritten = new LinkedHashMap<>();
    written = getRuntimeContext().getMetricGroup().counter("aml_redis_entity_writes");
    mismatched = getRuntimeContext().getMetricGroup().counter("aml_placement_mismatches");
  }

  /**
   * Applies a part once the watermark has passed its payment's time, so that each entity takes its
   * payments in event-time order whichever partition and payer they came through (a part already
   * behind the watermark is applied at once: the engine places it, within the allowed lateness).
   * The same order makes the population statistics complete up to the time a part is read at.
   */
  @Override
  public void processElement(
      Events.Part part, ReadOnlyContext ctx, Collector<Events.PartFeatures> out) throws Exception {
    long at = part.payment().timestamp().toEpochMilli();
    if (at <= ctx.timerService().currentWatermark()) {
      apply(part, ctx, out);
      return;
    }
    List<Events.Part> parts = waiting.get(at);
    if (parts == null) {
      parts = new ArrayList<>(1);
    }
    parts.add(part);
    waiting.put(at, parts);
    ctx.timerService().registerEventTimeTimer(at);
  }

  private void apply(Events.Part part, ReadOnlyContext ctx, Collector<Events.PartFeatures> out)
      throws Exception {
    population.adopt(
        ctx.getBroadcastState(PopulationFeed.POPULATION),
        ctx.getBroadcastState(PopulationFeed.HELD));
    population.catchUp(part.payment().timestamp().toEpochMilli());
    double[] values = new double[engine.registry().size()];
    long[] previous = FeatureVector.nothingRead();
    boolean known = engine.readParty(part.payment(), part.party(), values, previous);
    if (part.placement() == Placement.ACCEPTED) {
      Placement here = engine.ingestParty(part.payment(), part.party());
      if (here != Placement.ACCEPTED && part.party() == EntityType.CUSTOMER) {
        mismatched.inc(); // the payer's two copies of its flow disagree: cannot happen, watched
      }
      EntityType type =
          part.party() == EntityType.MERCHANT ? EntityType.MERCHANT : EntityType.CUSTOMER;
      if (unwritten.isEmpty()) {
        long now = ctx.timerService().currentProcessingTime();
        ctx.timerService().registerProcessingTimeTimer(now + redis.flushInterval().toMillis());
      }
      unwritten.put(ctx.getCurrentKey(), new RedisStateWriter.Change(type, store.lastChanged()));
      if (unwritten.size() >= MAX_UNWRITTEN) {
        flush();
      }
    }
    out.collect(
        new Events.PartFeatures(
            part.payment(), part.placement(), part.parts(), values, previous, known));
  }

  @Override
  public void processBroadcastElement(
      Events.Payment payment, Context ctx, Collector<Events.PartFeatures> out) throws Exception {
    population.add(
        payment,
        ctx.currentWatermark(),
        ctx.getBroadcastState(PopulationFeed.POPULATION),
        ctx.getBroadcastState(PopulationFeed.HELD));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Events.PartFeatures> out)
      throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      flush();
      return;
    }
    List<Events.Part> parts = waiting.get(timestamp);
    if (parts != null) {
      waiting.remove(timestamp);
      for (Events.Part part : parts) {
        apply(part, ctx, out);
      }
    }
  }

  private void flush() {
    boolean writePopulation = population.takeChanged() && writesPopulation;
    if (unwritten.isEmpty() && !writePopulation) {
      return;
    }
    writer.write(unwritten.values(), writePopulation ? population.readable().toBytes() : null);
    written.inc(unwritten.size());
    unwritten.clear();
  }

  /** Redis holds at least what the checkpoint holds, so a restore never serves older state. */
  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    flush();
    held.snapshot(store);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    held = new HeldEntities("entity-counts");
    held.initialize(context);
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      flush();
      writer.close();
    }
    super.close();
  }
}

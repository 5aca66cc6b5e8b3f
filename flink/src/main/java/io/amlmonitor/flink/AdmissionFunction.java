package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.EntityState;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by the paying customer: decides, with the payer's outgoing flow, whether a payment counts
 * ({@link FeatureEngine#ingestParty} for the payer), as the embedded path decides it before the
 * receivers see the payment. A repeated transaction id stops here; every other payment goes on as
 * one part per party it names, and an accepted one to the population statistics.
 *
 * <p>Implementation note: the payer's outgoing flow is kept here and again, with the rest of the
 * customer's state, where its entity key is processed ({@link EntityFunction}). The copy costs
 * memory; it is what lets a payment's receivers be updated only after its payer accepted it without
 * a loop in the graph, which Flink's DataStream API no longer offers.
 */
final class AdmissionFunction extends KeyedProcessFunction<String, Transaction, Events.Part>
    implements CheckpointedFunction {
  static final OutputTag<Events.Payment> ACCEPTED =
      new OutputTag<>("accepted-payments", Events.PAYMENT);

  private final JobSettings.Scoring scoring;
  private transient FeatureEngine engine;
  private transient Counter duplicates;
  private transient Counter late;
  private transient Counter accepted;
  private transient KeyedEntityStateStore store;
  private transient HeldEntities held;

  AdmissionFunction(JobSettings.Scoring scoring) {
    this.scoring = scoring;
  }

  @Override
  public void open(OpenContext context) {
    ValueState<EntityState> payer =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "payer-flow", new EntityStateSerializer(EntityType.CUSTOMER, scoring)));
    store = new KeyedEntityStateStore(payer, payer);
    held.track(store, getRuntimeContext().getMetricGroup().addGroup("payers"));
    engine =
        new FeatureEngine(
            FeatureRegistry.standard(), scoring.featureSettings(), store, CustomerProfiles.NONE);
    accepted = getRuntimeContext().getMetricGroup().counter("aml_accepted");
    duplicates = getRuntimeContext().getMetricGroup().counter("aml_duplicates");
    late = getRuntimeContext().getMetricGroup().counter("aml_late");
  }

  @Override
  public void processElement(Transaction t, Context ctx, Collector<Events.Part> out) {
    Placement placement = engine.ingestParty(t, EntityType.CUSTOMER);
    switch (placement) {
      case DUPLICATE -> {
        duplicates.inc();
        return;
      }
      case LATE -> late.inc();
      case ACCEPTED -> {
        accepted.inc();
        ctx.output(ACCEPTED, new Events.Payment(t.timestamp().toEpochMilli(), t.amount().cents()));
      }
    }
    boolean merchant = t.merchantId() != null;
    boolean account = t.counterpartyId() != null;
    int parts = 1 + (merchant ? 1 : 0) + (account ? 1 : 0);
    out.collect(new Events.Part(t, EntityType.CUSTOMER, placement, parts));
    if (merchant) {
      out.collect(new Events.Part(t, EntityType.MERCHANT, placement, parts));
    }
    if (account) {
      out.collect(new Events.Part(t, EntityType.COUNTERPARTY, placement, parts));
    }
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    held = new HeldEntities("payer-counts");
    held.initialize(context);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    held.snapshot(store);
  }
}

package io.amlmonitor.flink;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Scorer;
import java.time.Instant;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by transaction id: gathers the features each party gave a payment and, once it has them
 * all, scores the payment with the rules and the settings' model, as the embedded path does, and
 * raises its alert. The model reads no graph features (the job keeps no graph): they are missing,
 * as on the embedded path with graph detection off. An alert's id derives from the transaction's,
 * so a payment scored again after a restore raises the same alert, which the stores keep once.
 */
final class ScoreFunction extends KeyedProcessFunction<String, Events.PartFeatures, Decision> {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreFunction.class);

  private final JobSettings.Scoring scoring;
  private transient FeatureEngine engine;
  private transient Scorer scorer;
  private transient Locale locale;
  private transient ValueState<Events.PartFeatures> gathered;
  private transient ValueState<Events.PartFeatures> gatheredLate;
  private transient Counter alerts;
  private transient Counter scored;

  ScoreFunction(JobSettings.Scoring scoring) {
    this.scoring = scoring;
  }

  @Override
  public void open(OpenContext context) {
    // only assembles vectors: its state store is never used
    engine =
        new FeatureEngine(
            FeatureRegistry.standard(), scoring.featureSettings(), new InMemoryEntityStateStore());
    scorer = scoring.scorer();
    LOG.info(
        "Score task {} scores with {}",
        getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
        scorer.model().map(m -> "the rules and model " + m.version()).orElse("the rules alone"));
    locale = scoring.alertLocale();
    gathered =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("gathered", PartFeaturesSerializer.INSTANCE));
    gatheredLate =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("gathered-late", PartFeaturesSerializer.INSTANCE));
    alerts = getRuntimeContext().getMetricGroup().counter("aml_alerts");
    scored = getRuntimeContext().getMetricGroup().counter("aml_scored");
  }

  @Override
  public void processElement(Events.PartFeatures part, Context ctx, Collector<Decision> out)
      throws Exception {
    ValueState<Events.PartFeatures> gathering = gatheringOf(part.placement());
    Events.PartFeatures so = gathering.value();
    boolean known = part.known();
    if (so != null) {
      FeatureVector.merge(so.values(), so.previous(), part.values(), part.previous());
      known |= so.known();
    }
    Events.PartFeatures base = so == null ? part : so;
    // parts() counts down as the parties' features arrive
    Events.PartFeatures merged =
        new Events.PartFeatures(
            base.payment(),
            base.placement(),
            base.parts() - 1,
            base.values(),
            base.previous(),
            known);
    if (merged.parts() > 0) {
      gathering.update(merged);
      return;
    }
    gathering.clear();
    out.collect(score(merged));
  }

  /**
   * Where the parts of a payment with {@code placement} gather. A transaction id repeated past the
   * allowed lateness is scored again ({@code LATE}; a repeat within it stops at admission), and in
   * a replay its parts can reach this key while the original's ({@code ACCEPTED}) still gather:
   * each placement gathers apart, so their features never mix. Each party's parts arrive in the
   * order of the payments, so the original completes first and is the decision the stores keep.
   */
  private ValueState<Events.PartFeatures> gatheringOf(Placement placement) throws Exception {
    boolean accepted = placement == Placement.ACCEPTED;
    ValueState<Events.PartFeatures> own = accepted ? gathered : gatheredLate;
    ValueState<Events.PartFeatures> other = accepted ? gatheredLate : gathered;
    // a checkpoint taken before the late ones gathered apart may hold either in "gathered"
    Events.PartFeatures there = other.value();
    Events.PartFeatures here = own.value();
    boolean otherHasIt = there != null && there.placement() == placement;
    boolean ownTaken = here != null && here.placement() != placement && there == null;
    return otherHasIt || ownTaken ? other : own;
  }

  private Decision score(Events.PartFeatures all) {
    long started = System.nanoTime();
    Transaction t = all.payment();
    FeatureVector features = engine.vector(t, all.values(), all.previous(), all.known());
    Assessment assessment = scorer.assess(t, features);
    Alert alert = null;
    if (assessment.riskScore() >= scoring.alertThreshold()) {
      alert =
          TransactionProcessor.alert(
              TransactionProcessor.derivedAlertId(t.id()), t, assessment, Instant.now(), locale);
      alerts.inc();
    }
    scored.inc();
    return new Decision(t, assessment, all.placement(), alert, System.nanoTime() - started);
  }
}

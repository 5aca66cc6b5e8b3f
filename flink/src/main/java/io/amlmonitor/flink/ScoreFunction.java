package io.amlmonitor.flink;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Transaction;
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

/**
 * Keyed by transaction id: gathers the features each party gave a payment and, once it has them
 * all, scores the payment with the rules, as the embedded path does, and raises its alert. An
 * alert's id derives from the transaction's, so a payment scored again after a restore raises the
 * same alert, which the stores keep once.
 */
final class ScoreFunction extends KeyedProcessFunction<String, Events.PartFeatures, Decision> {
  private final JobSettings.Scoring scoring;
  private transient FeatureEngine engine;
  private transient Scorer scorer;
  private transient Locale locale;
  private transient ValueState<Events.PartFeatures> gathered;
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
    locale = scoring.alertLocale();
    gathered =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("gathered", PartFeaturesSerializer.INSTANCE));
    alerts = getRuntimeContext().getMetricGroup().counter("aml_alerts");
    scored = getRuntimeContext().getMetricGroup().counter("aml_scored");
  }

  @Override
  public void processElement(Events.PartFeatures part, Context ctx, Collector<Decision> out)
      throws Exception {
    Events.PartFeatures so = gathered.value();
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
      gathered.update(merged);
      return;
    }
    gathered.clear();
    out.collect(score(merged));
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

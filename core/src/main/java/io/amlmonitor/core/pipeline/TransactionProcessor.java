package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.NetworkFinding;
import io.amlmonitor.core.graph.NetworkWatch;
import io.amlmonitor.core.graph.TransactionGraph;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Explanation;
import io.amlmonitor.core.scoring.Scorer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The one use case every entry point shares (HTTP, stream, replay): features as of just before the
 * transaction, score, add it to the windows, raise an alert when the score reaches the threshold.
 *
 * <p>A repeated transaction id is scored again (so a client retry gets its answer) but is not
 * counted twice and raises no second alert: the {@link AlertRepository} keeps one alert per
 * transaction.
 */
public final class TransactionProcessor {
  private final FeatureEngine engine;
  private final Scorer scorer;
  private final AlertRepository alerts;
  private final double alertThreshold;
  private final InstantSource clock;
  private final Locale alertLocale;
  private final NetworkWatch network;
  private final TransactionGraph graph;

  /**
   * @param alertThreshold the lowest score that raises an alert, in [0, 1]
   * @param clock processing time, for when alerts are raised
   * @param alertLocale the language in which alert reasons are frozen
   */
  public TransactionProcessor(
      FeatureEngine engine,
      Scorer scorer,
      AlertRepository alerts,
      double alertThreshold,
      InstantSource clock,
      Locale alertLocale) {
    this(engine, scorer, alerts, alertThreshold, clock, alertLocale, null);
  }

  /**
   * A processor that also watches the network: every transaction enters the graph, and the
   * typologies it completes raise its score (see {@link NetworkWatch}) and are stored with their
   * subgraphs.
   *
   * @param network the graph and where findings go, or null to leave the network out
   */
  public TransactionProcessor(
      FeatureEngine engine,
      Scorer scorer,
      AlertRepository alerts,
      double alertThreshold,
      InstantSource clock,
      Locale alertLocale,
      NetworkWatch network) {
    this.network = network;
    this.graph = network == null ? null : network.graphs().get();
    if (!(alertThreshold >= 0 && alertThreshold <= 1)) {
      throw new IllegalArgumentException(
          "alert threshold must be in [0, 1], was " + alertThreshold);
    }
    this.engine = Objects.requireNonNull(engine, "engine");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.alertThreshold = alertThreshold;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.alertLocale = Objects.requireNonNull(alertLocale, "alertLocale");
  }

  public Decision process(Transaction t) {
    long started = System.nanoTime();
    FeatureVector features = engine.featuresFor(t);
    features = GraphFeatures.attach(features, graph, t.customerId().value(), scorer);
    Assessment assessment = scorer.assess(t, features);
    Placement placement = engine.ingest(t);
    NetworkWatch.Verdict verdict = null;
    if (graph != null && placement != Placement.DUPLICATE) {
      List<NetworkFinding> found = graph.record(t);
      if (!found.isEmpty()) {
        network.findings().saveAll(found);
        verdict = network.verdict(assessment, found, scorer.thresholds(), alertLocale);
      }
    }
    Alert alert = null;
    double score = verdict == null ? assessment.riskScore() : verdict.riskScore();
    // A repeat still tries to raise its alert: the repository keeps one per transaction, and a
    // retry after a failed alert write (store away) must raise the alert the first try could not.
    if (score >= alertThreshold) {
      alert =
          verdict == null
              ? alertFor(t, assessment)
              : networkAlert(t, assessment, verdict, alertLocale);
      if (!alerts.save(alert)) {
        alert = null;
      }
    }
    if (graph != null && score >= alertThreshold) {
      graph.flag(t.customerId().value());
    }
    return new Decision(t, assessment, placement, alert, System.nanoTime() - started, verdict);
  }

  /** The graph this processor feeds, or null when it does not watch the network. */
  public TransactionGraph graph() {
    return graph;
  }

  /** The alert of a transaction that completed network typologies: their reasons first. */
  private Alert networkAlert(Transaction t, Assessment a, NetworkWatch.Verdict v, Locale locale) {
    List<String> reasons = new java.util.ArrayList<>(v.networkReasons());
    if (!a.firedRules().isEmpty()) {
      reasons.addAll(Explanation.of(a, locale));
    }
    return new Alert(
        "A-" + UUID.randomUUID(),
        t.id(),
        t.customerId(),
        t.receiverId(),
        t.amount(),
        t.timestamp(),
        clock.instant(),
        v.riskScore(),
        v.riskLevel(),
        v.rules(),
        reasons,
        a.ruleSetVersion());
  }

  /**
   * Scores {@code t} against the features as they are, and changes nothing: neither the windows nor
   * the alerts. For an instance that serves features another process counts (a stream job): that
   * process records the decision, and raises the alert, whose id is {@link #derivedAlertId}; the
   * alert in the returned decision is that one, not stored here.
   */
  public Decision assess(Transaction t) {
    long started = System.nanoTime();
    FeatureVector features =
        GraphFeatures.attach(engine.featuresFor(t), graph, t.customerId().value(), scorer);
    Assessment assessment = scorer.assess(t, features);
    Placement placement = engine.placementOf(t);
    Alert alert = null;
    if (assessment.riskScore() >= alertThreshold) {
      alert = alert(derivedAlertId(t.id()), t, assessment, clock.instant(), alertLocale);
    }
    return new Decision(t, assessment, placement, alert, System.nanoTime() - started);
  }

  /**
   * The id of the alert about transaction {@code id} for a scorer that may score it more than once
   * (a stream job restored from a checkpoint): derived from the transaction id, so every scoring
   * raises the same alert and the stores keep it once.
   */
  public static String derivedAlertId(TransactionId id) {
    return "A-" + UUID.nameUUIDFromBytes(id.value().getBytes(StandardCharsets.UTF_8));
  }

  private Alert alertFor(Transaction t, Assessment a) {
    return alert("A-" + UUID.randomUUID(), t, a, clock.instant(), alertLocale);
  }

  /**
   * The alert {@code a} raises about {@code t}, its reasons frozen in {@code locale}: for every
   * entry point that scores, so alerts read the same whichever raised them.
   */
  public static Alert alert(
      String alertId, Transaction t, Assessment a, Instant createdAt, Locale locale) {
    return new Alert(
        alertId,
        t.id(),
        t.customerId(),
        t.receiverId(),
        t.amount(),
        t.timestamp(),
        createdAt,
        a.riskScore(),
        a.riskLevel(),
        a.ruleIds(),
        Explanation.of(a, locale),
        a.ruleSetVersion());
  }

  public FeatureEngine engine() {
    return engine;
  }

  public Scorer scorer() {
    return scorer;
  }

  public AlertRepository alerts() {
    return alerts;
  }

  public double alertThreshold() {
    return alertThreshold;
  }
}

package io.amlmonitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.alert.InMemoryAlertRepository;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.feature.InMemoryEntityStateStore;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.pipeline.TransactionProcessor;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.redis.CachedRedisEntityStateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The embedded path over a stream, in the order it was produced, with the job's rules and model and
 * no graph (as with graph detection off): the oracle the stream job is checked against, wherever it
 * runs (a MiniCluster in {@code StreamJobIT}, a standalone cluster in the app's {@code
 * FlinkRunJobJarIT}).
 */
public final class EmbeddedPath {
  private final FeatureEngine engine;
  private final JobSettings.Scoring scoring;
  private final Instant newest;
  private final List<Decision> decisions = new ArrayList<>();
  private final Set<String> customers = new TreeSet<>();
  private final Set<String> merchants = new TreeSet<>();

  public EmbeddedPath(List<Transaction> stream, JobSettings.Scoring scoring) throws Exception {
    this.scoring = scoring;
    engine =
        new FeatureEngine(
            FeatureRegistry.standard(), scoring.featureSettings(), new InMemoryEntityStateStore());
    TransactionProcessor processor =
        new TransactionProcessor(
            engine,
            scoring.scorer(),
            new InMemoryAlertRepository(),
            scoring.alertThreshold(),
            InstantSource.system(),
            Locale.ENGLISH);
    for (Transaction t : stream) {
      decisions.add(processor.process(t));
      customers.add(t.customerId().value());
      if (t.counterpartyId() != null) {
        customers.add(t.counterpartyId().value());
      }
      if (t.merchantId() != null) {
        merchants.add(t.merchantId().value());
      }
    }
    newest = stream.stream().map(Transaction::timestamp).max(Instant::compareTo).orElseThrow();
  }

  /** Every decision, in the order of the stream (a repeated transaction is decided again). */
  public List<Decision> decisions() {
    return Collections.unmodifiableList(decisions);
  }

  /** One decision per transaction id, the first: what a system of record keeps. */
  public Map<String, Decision> firstDecisions() {
    Map<String, Decision> first = new LinkedHashMap<>();
    decisions.forEach(d -> first.putIfAbsent(d.transaction().id().value(), d));
    return first;
  }

  /** How many of {@link #firstDecisions()} raise an alert. */
  public int alerts() {
    return (int) firstDecisions().values().stream().filter(d -> d.alert() != null).count();
  }

  /**
   * Asserts that {@code database} holds exactly one decision per transaction, with the embedded
   * path's features, score, level, model version and reasons.
   */
  public void assertDecisionsIn(Database database) {
    Map<String, Decision> want = firstDecisions();
    assertThat(database.decisions().count()).isEqualTo(want.size());
    for (Decision d : want.values()) {
      DecisionRecord got = database.decisions().find(d.transaction().id()).orElseThrow();
      DecisionRecord embedded = DecisionRecord.of(d, got.createdAt());
      assertThat(got.features())
          .as("features of %s", d.transaction().id())
          .isEqualTo(embedded.features());
      assertThat(got.riskScore())
          .as("score of %s", d.transaction().id())
          .isEqualTo(embedded.riskScore());
      assertThat(got.riskLevel())
          .as("level of %s", d.transaction().id())
          .isEqualTo(embedded.riskLevel());
      assertThat(got.modelVersion())
          .as("model of %s", d.transaction().id())
          .isEqualTo(embedded.modelVersion());
      assertThat(got.reasons())
          .as("reasons of %s", d.transaction().id())
          .isEqualTo(embedded.reasons());
    }
  }

  /**
   * Asserts that the features served from Redis under {@code prefix}, read as {@code aml serve}
   * reads them, equal the embedded engine's bit for bit, with their ages, for every customer and
   * merchant of the stream, at three read times around its newest payment.
   */
  public void assertServedFrom(String host, int port, String prefix) {
    try (CachedRedisEntityStateStore served =
        new CachedRedisEntityStateStore(
            host, port, scoring.codec(), prefix, Duration.ofDays(30), Duration.ofSeconds(1))) {
      FeatureEngine reader =
          new FeatureEngine(FeatureRegistry.standard(), scoring.featureSettings(), served);
      served.population().ifPresent(reader.population()::load);
      for (Instant when :
          List.of(newest.plusMillis(1), newest.plusSeconds(1_800), newest.minusSeconds(3_600))) {
        for (String id : customers) {
          same(reader, EntityType.CUSTOMER, id, when);
        }
        for (String id : merchants) {
          same(reader, EntityType.MERCHANT, id, when);
        }
      }
    }
  }

  private void same(FeatureEngine got, EntityType type, String id, Instant at) {
    FeatureVector w = engine.entityFeatures(type, id, at);
    FeatureVector g = got.entityFeatures(type, id, at);
    assertThat(g == null).as("%s %s known", type, id).isEqualTo(w == null);
    if (w == null) {
      return;
    }
    for (int i = 0; i < w.registry().size(); i++) {
      String name = w.registry().get(i).name();
      assertThat(Double.doubleToRawLongBits(g.get(i)))
          .as("%s of %s %s at %s (%s, expected %s)", name, type, id, at, g.get(i), w.get(i))
          .isEqualTo(Double.doubleToRawLongBits(w.get(i)));
      assertThat(g.ageMillis(i)).as("age of %s of %s %s", name, type, id).isEqualTo(w.ageMillis(i));
    }
  }
}

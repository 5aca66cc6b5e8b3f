package io.amlmonitor.flink;

import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.EntityStateCodec;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.scoring.RiskThresholds;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.ml.ModelFiles;
import io.amlmonitor.ml.TreeRiskModel;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the streaming job needs, as plain values that travel with the job graph to every task
 * manager; each task builds its core objects from them when it opens.
 *
 * @param parallelism how many parallel instances each operator runs
 * @param checkpointInterval how often Flink checkpoints (state, Kafka offsets, flushed Redis)
 * @param outOfOrderness how far behind the newest transaction time the watermark trails: parts of
 *     payments wait that long at most to be applied in event-time order
 * @param decisions where decisions and alerts are recorded, or null for nowhere
 */
public record JobSettings(
    Source source,
    Scoring scoring,
    RedisTarget redis,
    SqlTarget decisions,
    String deadLetterTopic,
    String alertsTopic,
    int parallelism,
    Duration checkpointInterval,
    Duration outOfOrderness)
    implements Serializable {

  public JobSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(alertsTopic, "alertsTopic");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    if (outOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "out-of-orderness must not be negative, was " + outOfOrderness);
    }
    if (checkpointInterval.toMillis() < 10) {
      throw new IllegalArgumentException(
          "checkpoint interval must be at least 10 ms, was " + checkpointInterval);
    }
  }

  /**
   * Where transactions come from.
   *
   * @param groupId the consumer group whose offsets Flink commits on each checkpoint (for
   *     monitoring; a restore uses the checkpoint's own offsets)
   * @param bounded stop at the end offsets the topic had when the job started, rather than run on
   */
  public record Source(String bootstrapServers, String topic, String groupId, boolean bounded)
      implements Serializable {
    public Source {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(groupId, "groupId");
    }
  }

  /**
   * How features and scores are computed: the feature settings, the rules (their text, compiled in
   * each task), the model (its files, read in each task) and the alert threshold.
   *
   * @param profiles expected monthly volume in cents by customer id
   * @param model the files of the model that scores beside the rules, or null for the rules alone
   */
  public record Scoring(
      String zone,
      Duration allowedLateness,
      String rulesText,
      String rulesSource,
      double mediumRisk,
      double highRisk,
      double alertThreshold,
      String locale,
      HashMap<String, Long> profiles,
      ModelFiles model)
      implements Serializable {
    /** Scoring by the rules alone. */
    public Scoring(
        String zone,
        Duration allowedLateness,
        String rulesText,
        String rulesSource,
        double mediumRisk,
        double highRisk,
        double alertThreshold,
        String locale,
        HashMap<String, Long> profiles) {
      this(
          zone,
          allowedLateness,
          rulesText,
          rulesSource,
          mediumRisk,
          highRisk,
          alertThreshold,
          locale,
          profiles,
          null);
    }

    public Scoring {
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(allowedLateness, "allowedLateness");
      Objects.requireNonNull(rulesText, "rulesText");
      Objects.requireNonNull(rulesSource, "rulesSource");
      Objects.requireNonNull(locale, "locale");
      profiles = profiles == null ? new HashMap<>() : profiles;
      if (!(alertThreshold >= 0 && alertThreshold <= 1)) {
        throw new IllegalArgumentException(
            "alert threshold must be in [0, 1], was " + alertThreshold);
      }
      new RiskThresholds(mediumRisk, highRisk); // checks them
    }

    public FeatureSettings featureSettings() {
      return featureSettings(zone, allowedLateness);
    }

    static FeatureSettings featureSettings(String zone, Duration allowedLateness) {
      return FeatureSettings.DEFAULT.withZone(ZoneId.of(zone)).withAllowedLateness(allowedLateness);
    }

    public EntityStateCodec codec() {
      return new EntityStateCodec(FeatureRegistry.standard(), featureSettings());
    }

    public CustomerProfiles customerProfiles() {
      return profiles.isEmpty() ? CustomerProfiles.NONE : CustomerProfiles.of(profiles);
    }

    /** The rules compiled against the standard catalogue. */
    public RuleSet rules() {
      return new RuleSetLoader(FeatureRegistry.standard(), ZoneId.of(zone))
          .load(new ByteArrayInputStream(rulesText.getBytes(StandardCharsets.UTF_8)), rulesSource);
    }

    /**
     * The rules and, when there is one, the model, as the embedded path scores with them. The model
     * counts no drift: the job has no one to report it to ({@code aml report} measures it over the
     * recorded decisions).
     *
     * @throws io.amlmonitor.ml.ModelException when the model's files are not a model
     */
    public Scorer scorer() {
      Scorer scorer = new Scorer(rules(), new RiskThresholds(mediumRisk, highRisk));
      if (model != null) {
        scorer.replaceModel(TreeRiskModel.of(model, false));
      }
      return scorer;
    }

    /** These settings scoring with {@code files} beside the rules (null: the rules alone). */
    public Scoring withModel(ModelFiles files) {
      return new Scoring(
          zone,
          allowedLateness,
          rulesText,
          rulesSource,
          mediumRisk,
          highRisk,
          alertThreshold,
          locale,
          profiles,
          files);
    }

    public Locale alertLocale() {
      return Locale.forLanguageTag(locale);
    }
  }

  /**
   * Where feature state is served from: the layout {@code aml serve} with {@code REDIS_HOST} reads.
   *
   * @param flushInterval how long a changed entity may wait before it is written
   */
  public record RedisTarget(
      String host, int port, String keyPrefix, Duration ttl, Duration flushInterval)
      implements Serializable {
    public RedisTarget {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(keyPrefix, "keyPrefix");
      Objects.requireNonNull(ttl, "ttl");
      Objects.requireNonNull(flushInterval, "flushInterval");
      if (flushInterval.isNegative() || flushInterval.isZero()) {
        throw new IllegalArgumentException("flush interval must be positive, was " + flushInterval);
      }
    }
  }

  /** The system of record: a PostgreSQL server, or an embedded database in a directory. */
  public record SqlTarget(DatabaseConfig.Postgres postgres, String embeddedDirectory)
      implements Serializable {
    public SqlTarget {
      if ((postgres == null) == (embeddedDirectory == null)) {
        throw new IllegalArgumentException("name either a PostgreSQL server or a directory");
      }
    }

    public static SqlTarget of(DatabaseConfig config) {
      return config instanceof DatabaseConfig.Postgres p
          ? new SqlTarget(p, null)
          : new SqlTarget(null, ((DatabaseConfig.Embedded) config).directory().toString());
    }

    public DatabaseConfig config() {
      return postgres != null
          ? postgres
          : new DatabaseConfig.Embedded(Path.of(embeddedDirectory), 4);
    }
  }
}

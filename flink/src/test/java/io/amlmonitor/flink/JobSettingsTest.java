package io.amlmonitor.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.scoring.Assessment;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.ml.ModelFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's scoring settings travel to the task managers by Java serialization: with a model they
 * must come back equal and build a scorer that scores as the one they left, without XGBoost.
 */
class JobSettingsTest {
  private static final String XGBOOST = "ml.dmlc.xgboost4j.java.XGBoost";

  @TempDir static Path dir;
  static List<LabelledTransaction> stream;
  static ModelFiles model;

  @BeforeAll
  static void train() {
    stream = new ArrayList<>();
    Generator.create(GeneratorConfig.of(100, 10, 5, 7).withLaunderingShare(0.1))
        .iterator()
        .forEachRemaining(stream::add);
    model = TestScoring.modelTrainedOn(stream, dir, "gbt-job-settings");
  }

  @Test
  void scoringWithAModelSurvivesJavaSerializationAndBuildsTheSameScorer() throws Exception {
    JobSettings.Scoring sent = TestScoring.rulesAlone().withModel(model);
    JobSettings.Scoring received = (JobSettings.Scoring) deserialize(serialize(sent));

    assertThat(received).isEqualTo(sent);
    assertThat(received.model()).isEqualTo(model);
    Scorer here = sent.scorer();
    Scorer there = received.scorer();
    assertThat(there.model())
        .hasValueSatisfying(m -> assertThat(m.version()).isEqualTo(model.version()));
    FeatureEngine engine = FeatureEngine.inMemory(sent.featureSettings());
    int medium = 0;
    for (LabelledTransaction lt : stream) {
      Transaction t = lt.transaction();
      FeatureVector features = engine.featuresFor(t);
      engine.ingest(t);
      Assessment want = here.assess(t, features);
      Assessment got = there.assess(t, features);
      assertThat(got.riskScore()).as("score of %s", t.id()).isEqualTo(want.riskScore());
      assertThat(got.riskLevel()).isEqualTo(want.riskLevel());
      assertThat(got.modelScore()).isEqualTo(want.modelScore());
      assertThat(got.modelVersion()).isEqualTo("gbt-job-settings");
      assertThat(got.contributions()).isEqualTo(want.contributions());
      medium += got.contributions().isEmpty() ? 0 : 1;
    }
    assertThat(medium).as("assessments explained by the model").isPositive();
  }

  @Test
  void withoutAModelTheRulesScoreAlone() {
    JobSettings.Scoring rules = TestScoring.rulesAlone();
    assertThat(rules.model()).isNull();
    assertThat(rules.scorer().model()).isEmpty();
    assertThat(rules.withModel(model).withModel(null)).isEqualTo(rules);
  }

  /**
   * A task manager of a cluster runs the job jar, which leaves XGBoost out: the settings are read
   * and the scorer built and run in a class loader that cannot see XGBoost, and score as here.
   */
  @Test
  void theScorerIsBuiltAndScoresWithoutXgboostOnTheClassPath() throws Exception {
    byte[] settings = serialize(TestScoring.rulesAlone().withModel(model));
    List<URL> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!new File(entry).getName().startsWith("xgboost4j")) {
        classPath.add(new File(entry).toURI().toURL());
      }
    }
    assertThat(classPath)
        .hasSizeLessThan(System.getProperty("java.class.path").split(File.pathSeparator).length);
    try (URLClassLoader taskManager =
        new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName(XGBOOST, false, taskManager))
          .isInstanceOf(ClassNotFoundException.class);
      @SuppressWarnings("unchecked")
      Function<byte[], List<String>> there =
          (Function<byte[], List<String>>)
              Class.forName(ScoreWith.class.getName(), true, taskManager)
                  .getDeclaredConstructor()
                  .newInstance();
      List<String> scored = there.apply(settings);
      assertThat(scored).isEqualTo(new ScoreWith().apply(settings));
      assertThat(scored).allSatisfy(line -> assertThat(line).contains("gbt-job-settings"));
    }
  }

  /** Reads the settings, builds their scorer and scores a few payments: what a score task does. */
  public static final class ScoreWith implements Function<byte[], List<String>> {
    @Override
    public List<String> apply(byte[] settings) {
      JobSettings.Scoring scoring = (JobSettings.Scoring) deserialize(settings);
      Scorer scorer = scoring.scorer();
      FeatureEngine engine = FeatureEngine.inMemory(scoring.featureSettings());
      List<String> out = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Transaction t =
            Transaction.builder()
                .id("T" + i)
                .timestamp(java.time.Instant.parse("2026-03-02T01:00:00Z").plusSeconds(30L * i))
                .customer("C1")
                .merchant("M" + i % 3)
                .amount(i % 5 == 4 ? 9_900 : 40 + i)
                .build();
        FeatureVector features = engine.featuresFor(t);
        engine.ingest(t);
        Assessment a = scorer.assess(t, features);
        out.add(
            a.modelVersion() + " " + a.riskScore() + " " + a.riskLevel() + " " + a.contributions());
      }
      return out;
    }
  }

  private static byte[] serialize(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

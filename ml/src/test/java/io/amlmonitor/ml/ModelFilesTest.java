package io.amlmonitor.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureSettings;
import io.amlmonitor.core.feature.FeatureVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registered model carried as its two files' bytes scores as the registry's own does. */
class ModelFilesTest {
  @TempDir Path dir;

  ModelRegistry registryWith(String version) {
    SplittableRandom random = new SplittableRandom(3);
    Dataset.Builder reference = Dataset.builder(TreeRiskModelTest.NAMES);
    double[] scores = new double[200];
    for (int i = 0; i < scores.length; i++) {
      reference.add(
          i,
          new double[] {random.nextInt(10), random.nextDouble(5000), random.nextInt(30)},
          false,
          null);
      scores[i] = random.nextDouble();
    }
    ModelMetadata m = ModelPromotionTest.metadata(version, TreeRiskModelTest.NAMES);
    ModelMetadata withDrift =
        new ModelMetadata(
            m.version(),
            m.createdAt(),
            m.featureNames(),
            m.label(),
            m.fingerprint(),
            m.trainingRows(),
            m.hyperParameters(),
            m.scalePosWeight(),
            m.seed(),
            m.alertThreshold(),
            m.metrics(),
            DriftReference.of(reference.build(), scores).toMap());
    ModelRegistry registry = new ModelRegistry(dir);
    registry.save(withDrift, TreeRiskModelTest.trainOn(TreeRiskModelTest.NAMES));
    return registry;
  }

  @Test
  void theFilesScoreAndExplainAsTheLoadedModelDoes() {
    ModelRegistry registry = registryWith("gbt-files");
    TreeRiskModel loaded = TreeRiskModel.of(registry.load("gbt-files"));
    TreeRiskModel fromBytes = TreeRiskModel.of(registry.files("gbt-files"), true);

    assertThat(fromBytes.version()).isEqualTo("gbt-files");
    assertThat(fromBytes.featureNames()).isEqualTo(loaded.featureNames());
    assertThat(fromBytes.drift()).isPresent();
    FeatureEngine engine = FeatureEngine.inMemory(FeatureSettings.DEFAULT);
    for (int earlier : new int[] {0, 3, 8}) {
      for (double amount : new double[] {20, 900, 4000}) {
        FeatureVector v = TreeRiskModelTest.features(engine, earlier, amount);
        assertThat(fromBytes.probability(v, amount)).isEqualTo(loaded.probability(v, amount));
        assertThat(fromBytes.contributions(v, amount)).isEqualTo(loaded.contributions(v, amount));
      }
    }
  }

  @Test
  void driftIsCountedOnlyWhenAsked() {
    ModelFiles files = registryWith("gbt-drift").files("gbt-drift");
    assertThat(TreeRiskModel.of(files, false).drift()).isEmpty();
    assertThat(TreeRiskModel.of(files, true).drift()).isPresent();
  }

  @Test
  void survivesJavaSerializationAndKeepsItsBytesToItself() throws Exception {
    ModelFiles files = registryWith("gbt-ser").files("gbt-ser");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(files);
    }
    Object back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }
    assertThat(back).isEqualTo(files).hasSameHashCodeAs(files);
    assertThat(back.toString()).startsWith("ModelFiles[gbt-ser: model ");

    byte[] model = files.modelJson();
    model[0] = 'x';
    assertThat(files.modelJson()[0]).as("a copy was handed out").isEqualTo((byte) '{');
  }

  @Test
  void filesThatAreNotAModelAreRefusedNamingTheVersion() {
    byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TreeRiskModel.of(new ModelFiles("v9", json, notJson), true))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("metadata of model v9 is not JSON");
    ModelFiles good = registryWith("gbt-good").files("gbt-good");
    assertThatThrownBy(() -> TreeRiskModel.of(new ModelFiles("v9", good.modelJson(), json), true))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("metadata of model v9 has no version");
    assertThatThrownBy(() -> new ModelRegistry(dir).files("gbt-missing"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("could not read model gbt-missing");
  }
}

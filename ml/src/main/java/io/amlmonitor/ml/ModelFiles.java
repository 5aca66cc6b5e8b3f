package io.amlmonitor.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A registered model's two files as they are stored, {@value ModelRegistry#MODEL_FILE} and {@value
 * ModelRegistry#METADATA_FILE}: plain bytes, so that a process without the registry's directory (a
 * Flink task manager, which receives them with the job) can build the model with {@link
 * TreeRiskModel#of(ModelFiles, boolean)}, in pure Java.
 *
 * <p>Implementation note: the arrays are copied in and out, so a value stays as it was read.
 *
 * @param version the version's name in the registry
 * @param modelJson XGBoost's JSON model
 * @param metadataJson the {@link ModelMetadata} as written
 */
public record ModelFiles(String version, byte[] modelJson, byte[] metadataJson)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ModelFiles {
    Objects.requireNonNull(version, "version");
    modelJson = Objects.requireNonNull(modelJson, "modelJson").clone();
    metadataJson = Objects.requireNonNull(metadataJson, "metadataJson").clone();
  }

  @Override
  public byte[] modelJson() {
    return modelJson.clone();
  }

  @Override
  public byte[] metadataJson() {
    return metadataJson.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelFiles f
        && f.version.equals(version)
        && Arrays.equals(f.modelJson, modelJson)
        && Arrays.equals(f.metadataJson, metadataJson);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, Arrays.hashCode(modelJson), Arrays.hashCode(metadataJson));
  }

  @Override
  public String toString() {
    return "ModelFiles["
        + version
        + ": model "
        + modelJson.length
        + " bytes, metadata "
        + metadataJson.length
        + " bytes]";
  }
}

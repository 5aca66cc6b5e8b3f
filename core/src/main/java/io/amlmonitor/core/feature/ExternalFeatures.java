package io.amlmonitor.core.feature;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Features a {@link FeatureVector} carries beside the engine's own, computed by someone else (the
 * relationship graph) as of the same instant: the engine cannot hold them, but rules, the model and
 * training sets read them by name like the others.
 *
 * @param definitions the features
 * @param values one per definition, in its order
 */
public record ExternalFeatures(List<FeatureDefinition> definitions, double[] values) {
  public ExternalFeatures {
    definitions = List.copyOf(definitions);
    if (values.length != definitions.size()) {
      throw new IllegalArgumentException(
          definitions.size() + " external features but " + values.length + " values");
    }
    values = values.clone();
  }

  /** The value of {@code name}, or empty when it is not one of these features. */
  public OptionalDouble find(String name) {
    for (int i = 0; i < definitions.size(); i++) {
      if (definitions.get(i).name().equals(name)) {
        return OptionalDouble.of(values[i]);
      }
    }
    return OptionalDouble.empty();
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value at {@code index}, without a copy. */
  public double get(int index) {
    return values[index];
  }
}

package io.amlmonitor.core.feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every feature the system computes, each defined once. The order is the order of feature vectors,
 * of the API's output and of training sets.
 */
public final class FeatureRegistry {
  private final List<FeatureDefinition> definitions;
  private final Map<String, Integer> indexByName;

  public FeatureRegistry(List<FeatureDefinition> definitions) {
    this.definitions = List.copyOf(definitions);
    this.indexByName = new HashMap<>();
    for (int i = 0; i < this.definitions.size(); i++) {
      String name = this.definitions.get(i).name();
      if (indexByName.put(name, i) != null) {
        throw new IllegalArgumentException("feature '" + name + "' is defined twice");
      }
    }
  }

  /**
   * The standard catalogue: customer payments, transfers received, both flows together, merchants
   * and the scored transaction. See {@code docs/features.md} for what each is for.
   */
  public static FeatureRegistry standard() {
    return StandardFeatures.build();
  }

  /** Room for features computed elsewhere (graph features): this registry plus {@code extra}. */
  public FeatureRegistry plus(List<FeatureDefinition> extra) {
    List<FeatureDefinition> all = new ArrayList<>(definitions);
    all.addAll(extra);
    return new FeatureRegistry(all);
  }

  public List<FeatureDefinition> definitions() {
    return definitions;
  }

  public int size() {
    return definitions.size();
  }

  public FeatureDefinition get(int index) {
    return definitions.get(index);
  }

  public Optional<FeatureDefinition> find(String name) {
    Integer i = indexByName.get(name);
    return i == null ? Optional.empty() : Optional.of(definitions.get(i));
  }

  /** Position of {@code name} in feature vectors, or -1. */
  public int indexOf(String name) {
    return indexByName.getOrDefault(name, -1);
  }

  /** The longest window among the features of {@code entity}. */
  public Duration longestWindow(EntityType entity) {
    return definitions.stream()
        .filter(d -> d.entity() == entity)
        .map(FeatureDefinition::window)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** Names in registry order. */
  public List<String> names() {
    return definitions.stream().map(FeatureDefinition::name).toList();
  }
}

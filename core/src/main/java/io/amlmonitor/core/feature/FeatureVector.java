package io.amlmonitor.core.feature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of every feature in a {@link FeatureRegistry}, for one transaction or entity, as of
 * one instant. Immutable once built.
 */
public final class FeatureVector {
  private final FeatureRegistry registry;
  private final double[] values;
  private final boolean customerKnown;
  private final boolean merchantPresent;

  FeatureVector(
      FeatureRegistry registry, double[] values, boolean customerKnown, boolean merchantPresent) {
    this.registry = registry;
    this.values = values;
    this.customerKnown = customerKnown;
    this.merchantPresent = merchantPresent;
  }

  public FeatureRegistry registry() {
    return registry;
  }

  public double get(int index) {
    return values[index];
  }

  /**
   * The value of feature {@code name}.
   *
   * @throws IllegalArgumentException when no such feature exists
   */
  public double get(String name) {
    int i = registry.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no feature named '" + name + "'");
    }
    return values[i];
  }

  /** Whether the customer had any history before this instant. */
  public boolean customerKnown() {
    return customerKnown;
  }

  /** Whether the transaction went to a merchant, so that merchant features apply. */
  public boolean merchantPresent() {
    return merchantPresent;
  }

  /** A copy of the values, in registry order. */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * The features that apply, by name in registry order: integers as {@link Long}, reals as {@link
   * Double}. Merchant features are left out when there is no merchant.
   */
  public Map<String, Number> asMap() {
    Map<String, Number> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      FeatureDefinition d = registry.get(i);
      if (d.entity() == EntityType.MERCHANT && !merchantPresent) {
        continue;
      }
      map.put(d.name(), d.type() == ValueType.INT ? (Number) (long) values[i] : values[i]);
    }
    return map;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}

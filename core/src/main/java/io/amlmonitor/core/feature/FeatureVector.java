package io.amlmonitor.core.feature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The values of every feature in a {@link FeatureRegistry}, for one transaction or entity, as of
 * one instant, with each value's age. Immutable once built.
 */
public final class FeatureVector {
  private final FeatureRegistry registry;
  private final double[] values;
  private final long at;
  private final long[] previous;
  private final boolean customerPresent;
  private final boolean customerKnown;
  private final boolean merchantPresent;
  private final boolean counterpartyPresent;
  private final boolean transaction;
  private final ExternalFeatures external;

  /**
   * @param at the read time
   * @param previous the newest event before {@code at} of the outgoing and incoming flows of the
   *     customer, the merchant and the receiving account, in that order ({@link #previousSlot}),
   *     {@link Long#MIN_VALUE} where none was read
   */
  FeatureVector(
      FeatureRegistry registry,
      double[] values,
      long at,
      long[] previous,
      boolean customerPresent,
      boolean customerKnown,
      boolean merchantPresent,
      boolean counterpartyPresent,
      boolean transaction) {
    this(
        registry,
        values,
        at,
        previous,
        customerPresent,
        customerKnown,
        merchantPresent,
        counterpartyPresent,
        transaction,
        null);
  }

  private FeatureVector(
      FeatureRegistry registry,
      double[] values,
      long at,
      long[] previous,
      boolean customerPresent,
      boolean customerKnown,
      boolean merchantPresent,
      boolean counterpartyPresent,
      boolean transaction,
      ExternalFeatures external) {
    this.external = external;
    this.registry = registry;
    this.values = values;
    this.at = at;
    this.previous = previous;
    this.customerPresent = customerPresent;
    this.customerKnown = customerKnown;
    this.merchantPresent = merchantPresent;
    this.counterpartyPresent = counterpartyPresent;
    this.transaction = transaction;
  }

  public FeatureRegistry registry() {
    return registry;
  }

  /**
   * This vector with {@code features} beside the engine's (the relationship graph's, as of the same
   * instant), read by name through {@link #externalValue}; the engine's values are shared, not
   * copied.
   */
  public FeatureVector withExternal(ExternalFeatures features) {
    return new FeatureVector(
        registry,
        values,
        at,
        previous,
        customerPresent,
        customerKnown,
        merchantPresent,
        counterpartyPresent,
        transaction,
        Objects.requireNonNull(features, "features"));
  }

  /** The features carried beside the engine's, if any were attached. */
  public Optional<ExternalFeatures> external() {
    return Optional.ofNullable(external);
  }

  /**
   * The value of {@code name} among the external features: empty when none are attached or {@code
   * name} is not one of them.
   */
  public OptionalDouble externalValue(String name) {
    return external == null ? OptionalDouble.empty() : external.find(name);
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
    return values[index(name)];
  }

  /**
   * Milliseconds from the newest event the feature at {@code index} reads to the read time: how
   * long ago its value last changed by an event arriving. -1 when it has read no event (the value
   * is the empty window's) and for transaction features.
   */
  public long ageMillis(int index) {
    FeatureDefinition d = registry.get(index);
    if (d.entity() == EntityType.TRANSACTION) {
      return -1;
    }
    int slot = previousSlot(d.entity());
    long newest =
        switch (d.direction()) {
          case OUTGOING -> previous[slot];
          case INCOMING -> previous[slot + 1];
          case BOTH -> Math.max(previous[slot], previous[slot + 1]);
        };
    return newest == Long.MIN_VALUE ? -1 : at - newest;
  }

  public long ageMillis(String name) {
    return ageMillis(index(name));
  }

  /** Where an entity's two flows' newest events are in {@code previous}. */
  static int previousSlot(EntityType entity) {
    return switch (entity) {
      case CUSTOMER, TRANSACTION -> 0;
      case MERCHANT -> 2;
      case COUNTERPARTY -> 4;
    };
  }

  /** A {@code previous} array for the constructor: nothing read yet. */
  public static long[] nothingRead() {
    return new long[] {
      Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE
    };
  }

  /**
   * Adds what one party's read ({@link FeatureEngine#readParty}) wrote into arrays of its own to
   * the arrays of the whole vector: a party writes only its own slots, leaving the others at 0 and
   * {@link Long#MIN_VALUE}, so every value that is not +0.0 is the part's (copied bit for bit) and
   * newest-event times take the larger.
   */
  public static void merge(
      double[] values, long[] previous, double[] partValues, long[] partPrevious) {
    for (int i = 0; i < values.length; i++) {
      if (Double.doubleToRawLongBits(partValues[i]) != 0) {
        values[i] = partValues[i];
      }
    }
    for (int i = 0; i < previous.length; i++) {
      previous[i] = Math.max(previous[i], partPrevious[i]);
    }
  }

  private int index(String name) {
    int i = registry.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no feature named '" + name + "'");
    }
    return i;
  }

  /** Whether the customer had any history before this instant. */
  public boolean customerKnown() {
    return customerKnown;
  }

  /** Whether the transaction went to a merchant, so that merchant features apply. */
  public boolean merchantPresent() {
    return merchantPresent;
  }

  /** Whether a transfer to an account was scored, so that counterparty features apply. */
  public boolean counterpartyPresent() {
    return counterpartyPresent;
  }

  /** Whether a transaction was scored, so that transaction features apply. */
  public boolean transactionPresent() {
    return transaction;
  }

  /** Whether the feature at {@code index} applies to what was read. */
  public boolean applies(int index) {
    EntityType entity = registry.get(index).entity();
    return switch (entity) {
      case CUSTOMER -> customerPresent;
      case MERCHANT -> merchantPresent;
      case COUNTERPARTY -> counterpartyPresent;
      case TRANSACTION -> transaction;
    };
  }

  /** A copy of the values, in registry order. */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * The features that apply, by name in registry order: integers as {@link Long}, reals as {@link
   * Double}. Merchant features are left out when there is no merchant, counterparty features when
   * no account receives, transaction features when no transaction was scored. External features
   * follow, when attached.
   */
  public Map<String, Number> asMap() {
    Map<String, Number> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (!applies(i)) {
        continue;
      }
      FeatureDefinition d = registry.get(i);
      map.put(d.name(), d.type() == ValueType.INT ? (Number) (long) values[i] : values[i]);
    }
    for (int i = 0; external != null && i < external.definitions().size(); i++) {
      FeatureDefinition d = external.definitions().get(i);
      double v = external.get(i);
      map.put(d.name(), d.type() == ValueType.INT ? (Number) (long) v : v);
    }
    return map;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}

package io.amlmonitor.core.feature;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One feature, defined once: the live path, backfills, the API and the docs all read this.
 *
 * @param window the look-back; {@link Duration#ZERO} for aggregations that are not windowed
 */
public record FeatureDefinition(
    String name, EntityType entity, Duration window, Aggregation aggregation, String description) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public FeatureDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("feature name '" + name + "' must be snake_case");
    }
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(aggregation, "aggregation");
    if (window.isNegative()) {
      throw new IllegalArgumentException(name + ": window must not be negative, was " + window);
    }
    boolean windowed = aggregation != Aggregation.DAYS_SINCE_PREVIOUS;
    if (windowed && window.isZero()) {
      throw new IllegalArgumentException(name + ": a " + aggregation + " feature needs a window");
    }
    Objects.requireNonNull(description, "description");
  }

  public ValueType type() {
    return aggregation.type();
  }

  /** The window in milliseconds (0 when not windowed). */
  public long windowMillis() {
    return window.toMillis();
  }
}

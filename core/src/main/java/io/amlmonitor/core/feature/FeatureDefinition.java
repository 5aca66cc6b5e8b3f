package io.amlmonitor.core.feature;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One feature, defined once: the live path, backfills, the API and the docs all read this.
 *
 * @param entity whose behaviour it describes
 * @param direction which of the entity's flows it reads
 * @param window the look-back; {@link Duration#ZERO} for aggregations that are not windowed
 */
public record FeatureDefinition(
    String name,
    EntityType entity,
    Direction direction,
    Duration window,
    Aggregation aggregation,
    String description) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public FeatureDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("feature name '" + name + "' must be snake_case");
    }
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(description, "description");
    if (window.isNegative()) {
      throw new IllegalArgumentException(name + ": window must not be negative, was " + window);
    }
    if (aggregation.lifetime() != window.isZero()) {
      throw new IllegalArgumentException(
          name
              + ": a "
              + aggregation
              + (aggregation.lifetime() ? " feature takes no window" : " feature needs a window"));
    }
    checkFits(name, entity, direction, window, aggregation);
  }

  /** The customer's feature over its outgoing flow, or the merchant's over what it received. */
  public FeatureDefinition(
      String name,
      EntityType entity,
      Duration window,
      Aggregation aggregation,
      String description) {
    this(
        name,
        entity,
        entity == EntityType.MERCHANT ? Direction.INCOMING : Direction.OUTGOING,
        window,
        aggregation,
        description);
  }

  private static void checkFits(
      String name, EntityType entity, Direction direction, Duration window, Aggregation agg) {
    Aggregation.Kind kind = agg.kind();
    String problem = null;
    if (kind == Aggregation.Kind.GRAPH) {
      if (entity != EntityType.CUSTOMER || direction != Direction.BOTH) {
        problem = "graph features describe a customer's account over both flows";
      }
    } else if (entity == EntityType.TRANSACTION) {
      if (kind != Aggregation.Kind.TRANSACTION) {
        problem = "transaction features compare the transaction with history (TXN_ aggregations)";
      }
    } else if (kind == Aggregation.Kind.TRANSACTION) {
      problem = agg + " describes a transaction: use entity TRANSACTION";
    } else if (entity == EntityType.MERCHANT) {
      if (direction != Direction.INCOMING) {
        problem = "a merchant has only its incoming flow";
      } else if (kind == Aggregation.Kind.SCAN
          || kind == Aggregation.Kind.PARTY_MEMORY
          || kind == Aggregation.Kind.CROSS_FLOW
          || agg == Aggregation.ACCOUNT_AGE_DAYS
          || agg == Aggregation.EXPECTED_VOLUME_PACE) {
        problem = agg + " is not kept for merchants, whose windows can hold millions of events";
      } else if (kind == Aggregation.Kind.FLAG
          && WindowKind.of(entity, window, agg) == WindowKind.EXACT) {
        problem = "merchant flag counts are kept in tiles: use a window over 1 hour";
      }
    } else if ((kind == Aggregation.Kind.CROSS_FLOW || agg == Aggregation.ACCOUNT_AGE_DAYS)
        != (direction == Direction.BOTH)) {
      problem =
          direction == Direction.BOTH
              ? agg + " reads one flow: use OUTGOING or INCOMING"
              : agg + " joins both flows: use direction BOTH";
    } else if ((agg == Aggregation.DISTINCT_MERCHANTS
            || agg == Aggregation.MERCHANT_DIVERSITY
            || agg == Aggregation.ACCOUNT_TRANSFER_COUNT
            || agg == Aggregation.EXPECTED_VOLUME_PACE)
        && direction != Direction.OUTGOING) {
      problem = agg + " reads the payments a customer makes: use direction OUTGOING";
    }
    if (problem == null && !window.isZero() && entity != EntityType.TRANSACTION) {
      WindowKind windowKind = WindowKind.of(entity, window, agg);
      if (windowKind != WindowKind.EXACT && !agg.tileable() && agg != Aggregation.DAYS_DORMANT) {
        problem =
            agg
                + " needs raw events, kept for "
                + WindowKind.rawLimit(entity)
                + "; this window would need tiles";
      }
      if (agg == Aggregation.DAYS_DORMANT && windowKind != WindowKind.EXACT) {
        problem = "DAYS_DORMANT needs a window of at most " + WindowKind.rawLimit(entity);
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          name
              + " ("
              + entity.name().toLowerCase(Locale.ROOT)
              + ", "
              + direction.name().toLowerCase(Locale.ROOT)
              + ", "
              + window
              + "): "
              + problem);
    }
  }

  public ValueType type() {
    return aggregation.type();
  }

  /** The window in milliseconds (0 when not windowed). */
  public long windowMillis() {
    return window.toMillis();
  }

  /** How the window is evaluated, which fixes the feature's accuracy. */
  public WindowKind windowKind() {
    return entity == EntityType.TRANSACTION && !window.isZero()
        ? WindowKind.of(EntityType.CUSTOMER, window, aggregation)
        : WindowKind.of(entity, window, aggregation);
  }
}

package io.amlmonitor.core.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the engine must keep for a registry, worked out once: a {@link LogSpec} per flow that has
 * features (the customer's outgoing and incoming flows, the merchant's), and a reader per entity.
 */
final class FeaturePlan {
  final LogSpec customerOut;
  final LogSpec customerIn;
  final LogSpec merchantIn;
  final FeatureReader customerReader;
  final FeatureReader merchantReader;
  final FeatureReader counterpartyReader;

  FeaturePlan(FeatureRegistry registry, FeatureSettings settings, PopulationStats population) {
    this.customerOut = spec(registry, EntityType.CUSTOMER, Direction.OUTGOING, settings);
    this.customerIn = spec(registry, EntityType.CUSTOMER, Direction.INCOMING, settings);
    this.merchantIn = spec(registry, EntityType.MERCHANT, Direction.INCOMING, settings);
    this.customerReader =
        new FeatureReader(
            registry, EntityType.CUSTOMER, settings, population, customerOut, customerIn);
    this.merchantReader =
        new FeatureReader(registry, EntityType.MERCHANT, settings, population, null, merchantIn);
    this.counterpartyReader =
        new FeatureReader(
            registry, EntityType.COUNTERPARTY, settings, population, customerOut, customerIn);
  }

  /** Whether {@code d} reads the log of ({@code entity}, {@code direction}). */
  private static boolean reads(FeatureDefinition d, EntityType entity, Direction direction) {
    if (d.entity() == EntityType.TRANSACTION) {
      return entity == EntityType.CUSTOMER && direction == Direction.OUTGOING;
    }
    EntityType owner = d.entity() == EntityType.COUNTERPARTY ? EntityType.CUSTOMER : d.entity();
    return owner == entity && (d.direction() == direction || d.direction() == Direction.BOTH);
  }

  /** The spec of a flow's log, or null when no feature reads it. */
  static LogSpec spec(
      FeatureRegistry registry, EntityType entity, Direction direction, FeatureSettings settings) {
    long lateness = settings.allowedLateness().toMillis();
    long longestExact = 0;
    boolean any = false;
    boolean ips = false;
    boolean parties = false;
    int hourTiles = 0;
    int dayTiles = 0;
    TreeSet<Integer> hourFlags = new TreeSet<>();
    TreeSet<Integer> dayFlags = new TreeSet<>();
    List<LogSpec.DistinctSpec> distinct = new ArrayList<>();
    for (FeatureDefinition d : registry.definitions()) {
      if (!reads(d, entity, direction)) {
        continue;
      }
      any = true;
      Aggregation a = d.aggregation();
      WindowKind kind = d.windowKind();
      long w = d.windowMillis();
      switch (kind) {
        case EXACT -> longestExact = Math.max(longestExact, w);
        case HOUR_TILES -> {
          hourTiles = Math.max(hourTiles, (int) (w / WindowKind.HOUR));
          if (a.flag() >= 0) {
            hourFlags.add(a.flag());
          }
        }
        case DAY_TILES -> {
          dayTiles = Math.max(dayTiles, (int) (w / WindowKind.DAY));
          if (a.flag() >= 0) {
            dayFlags.add(a.flag());
          }
        }
        case NONE -> {}
      }
      ips |= a == Aggregation.DISTINCT_IPS;
      parties |= a == Aggregation.NEW_PARTIES || a == Aggregation.TXN_NEW_COUNTERPARTY;
      if (entity == EntityType.MERCHANT
          && a.kind() == Aggregation.Kind.DISTINCT
          && kind == WindowKind.EXACT) {
        LogSpec.DistinctSpec spec = new LogSpec.DistinctSpec(w, a == Aggregation.DISTINCT_IPS);
        if (!distinct.contains(spec)) {
          distinct.add(spec);
        }
      }
    }
    if (!any) {
      return null;
    }
    if (entity == EntityType.CUSTOMER) {
      // Both customer flows keep the same raw span, so dormancy can look across both.
      longestExact = Math.max(longestExact, WindowKind.rawLimit(entity).toMillis());
    }
    return new LogSpec(
        longestExact + lateness,
        lateness,
        entity == EntityType.CUSTOMER && direction == Direction.OUTGOING,
        ips,
        hourTiles == 0 ? null : tileSpec(WindowKind.HOUR_TILES, hourTiles, hourFlags),
        dayTiles == 0 ? null : tileSpec(WindowKind.DAY_TILES, dayTiles, dayFlags),
        parties,
        distinct,
        entity == EntityType.CUSTOMER,
        new LocalCalendar(settings.zone()));
  }

  private static Tiles.TileSpec tileSpec(WindowKind kind, int tiles, TreeSet<Integer> flags) {
    return new Tiles.TileSpec(
        kind, tiles + 1, flags.stream().mapToInt(Integer::intValue).toArray());
  }
}

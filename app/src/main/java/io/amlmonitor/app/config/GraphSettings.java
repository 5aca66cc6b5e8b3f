package io.amlmonitor.app.config;

import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.graph.DetectionLimits;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The settings of the relationship graph and its network typologies, resolved and checked once at
 * start-up.
 *
 * @param detection whether the monitoring flow watches the network ({@code GRAPH_DETECTION}: on or
 *     off)
 * @param limits the window ({@code GRAPH_WINDOW}), amount tolerance ({@code
 *     GRAPH_AMOUNT_TOLERANCE}), fan threshold ({@code GRAPH_FAN_THRESHOLD}), accounts in a
 *     pass-through chain ({@code GRAPH_CHAIN_ACCOUNTS}) and per-transaction bound ({@code
 *     GRAPH_MAX_VISITS}) of the detectors
 * @param typologies the typologies looked for ({@code GRAPH_TYPOLOGIES}: a comma-separated list of
 *     cycle, fan_in, fan_out, scatter_gather, gather_scatter, pass_through, shared_identifier_ring;
 *     all by default)
 * @param typologyScore what one typology found adds to a transaction's score ({@code
 *     GRAPH_TYPOLOGY_SCORE})
 */
public record GraphSettings(
    boolean detection,
    DetectionLimits limits,
    Set<NetworkTypology> typologies,
    double typologyScore) {

  public static GraphSettings resolve(ConfigSources s) {
    DetectionLimits d = DetectionLimits.DEFAULT;
    Duration window = Settings.duration(s, "GRAPH_WINDOW", d.window(), Duration.ofDays(3650));
    if (window.isZero()) {
      throw new ConfigException(
          "GRAPH_WINDOW", String.valueOf(s.get("GRAPH_WINDOW")), "must be positive");
    }
    double score = Settings.fraction(s, "GRAPH_TYPOLOGY_SCORE", 0.7);
    if (score == 0) {
      throw new ConfigException("GRAPH_TYPOLOGY_SCORE", "0", "must be above 0");
    }
    DetectionLimits limits =
        new DetectionLimits(
            window,
            d.maxCycleHops(),
            Settings.integer(s, "GRAPH_FAN_THRESHOLD", d.fanThreshold(), 2, 100_000),
            d.scatterThreshold(),
            Settings.integer(s, "GRAPH_CHAIN_ACCOUNTS", d.minChainAccounts(), 3, 7),
            d.ringThreshold(),
            Settings.fraction(s, "GRAPH_AMOUNT_TOLERANCE", d.amountTolerance()),
            Settings.integer(s, "GRAPH_MAX_VISITS", d.maxVisits(), 16, 10_000_000));
    return new GraphSettings(
        detection(s.get("GRAPH_DETECTION")), limits, typologies(s.get("GRAPH_TYPOLOGIES")), score);
  }

  private static Set<NetworkTypology> typologies(String v) {
    if (v == null || v.isBlank()) {
      return EnumSet.allOf(NetworkTypology.class);
    }
    Set<NetworkTypology> out = EnumSet.noneOf(NetworkTypology.class);
    for (String part : v.split(",")) {
      String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      if (name.isEmpty()) {
        continue;
      }
      try {
        out.add(NetworkTypology.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "GRAPH_TYPOLOGIES",
            v,
            "names no typology '"
                + part.strip()
                + "'; known: "
                + String.join(
                    ", ",
                    EnumSet.allOf(NetworkTypology.class).stream()
                        .map(t -> t.name().toLowerCase(Locale.ROOT))
                        .toList()));
      }
    }
    if (out.isEmpty()) {
      throw new ConfigException(
          "GRAPH_TYPOLOGIES", v, "names no typology; use GRAPH_DETECTION=off");
    }
    return out;
  }

  private static boolean detection(String v) {
    if (v == null) {
      return true;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new ConfigException("GRAPH_DETECTION", v, "must be on or off");
    };
  }
}

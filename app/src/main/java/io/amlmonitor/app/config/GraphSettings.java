package io.amlmonitor.app.config;

import io.amlmonitor.core.graph.NetworkTypology;
import io.amlmonitor.graph.DetectionLimits;
import io.amlmonitor.graph.neo4j.Neo4jConfig;
import java.net.URI;
import java.net.URISyntaxException;
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
 * @param neo4j where the graph is also kept ({@code NEO4J_URI}, {@code NEO4J_USER}, {@code
 *     NEO4J_PASSWORD}, {@code NEO4J_DATABASE}, {@code NEO4J_BATCH_SIZE}), or null for this process
 *     only
 */
public record GraphSettings(
    boolean detection,
    DetectionLimits limits,
    Set<NetworkTypology> typologies,
    double typologyScore,
    Neo4jConfig neo4j) {

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
    boolean detection = detection(s.get("GRAPH_DETECTION"));
    Neo4jConfig neo4j = neo4j(s);
    if (neo4j != null && !detection) {
      throw new ConfigException(
          "NEO4J_URI", s.get("NEO4J_URI"), "is set but GRAPH_DETECTION=off leaves the graph out");
    }
    return new GraphSettings(
        detection, limits, typologies(s.get("GRAPH_TYPOLOGIES")), score, neo4j);
  }

  private static Neo4jConfig neo4j(ConfigSources s) {
    String uri = s.get("NEO4J_URI");
    if (uri == null || uri.isBlank()) {
      return null;
    }
    URI parsed;
    try {
      parsed = new URI(uri.strip());
    } catch (URISyntaxException e) {
      throw new ConfigException("NEO4J_URI", uri, "is not a URI: " + e.getReason());
    }
    if (parsed.getScheme() == null
        || !BOLT_SCHEMES.contains(parsed.getScheme().toLowerCase(Locale.ROOT))
        || parsed.getHost() == null) {
      throw new ConfigException(
          "NEO4J_URI", uri, "must be a Bolt URI such as bolt://localhost:7687 or neo4j://host");
    }
    String user = s.get("NEO4J_USER");
    String password = s.get("NEO4J_PASSWORD");
    String database = s.get("NEO4J_DATABASE");
    return new Neo4jConfig(
        parsed,
        user == null || user.isBlank() ? "neo4j" : user.strip(),
        password == null || password.isEmpty() ? null : password,
        database == null || database.isBlank() ? null : database.strip(),
        Settings.integer(s, "NEO4J_BATCH_SIZE", 1_000, 1, 100_000));
  }

  private static final Set<String> BOLT_SCHEMES =
      Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

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

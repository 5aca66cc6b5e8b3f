package io.amlmonitor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amlmonitor.core.feature.Aggregation;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The feature catalogue as a table, JSON or Markdown: what `aml features list` and the docs show.
 */
final class FeatureCatalogue {
  private final List<FeatureDefinition> definitions;

  FeatureCatalogue(FeatureRegistry registry) {
    this.definitions = registry.definitions();
  }

  String json() {
    List<Map<String, Object>> out =
        definitions.stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("name", d.name());
                  m.put("entity", lower(d.entity()));
                  m.put("direction", lower(d.direction()));
                  m.put("window", window(d.window()));
                  m.put("window_kind", lower(d.windowKind()));
                  m.put("aggregation", lower(d.aggregation()));
                  m.put("type", lower(d.type()));
                  m.put("description", d.description());
                  return m;
                })
            .toList();
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  String table() {
    int width = definitions.stream().mapToInt(d -> d.name().length()).max().orElse(4);
    String row = "%-" + width + "s  %-11s  %-8s  %-6s  %-10s  %-24s  %-6s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            row,
            "NAME",
            "ENTITY",
            "FLOW",
            "WINDOW",
            "ACCURACY",
            "AGGREGATION",
            "TYPE",
            "DESCRIPTION"));
    for (FeatureDefinition d : definitions) {
      out.append(
          String.format(
              Locale.ROOT,
              row,
              d.name(),
              lower(d.entity()),
              lower(d.direction()),
              window(d.window()),
              accuracy(d),
              lower(d.aggregation()),
              lower(d.type()),
              d.description()));
    }
    out.append(String.format(Locale.ROOT, "%d features%n", definitions.size()));
    return out.toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| name | entity | flow | window | accuracy | aggregation | type | description |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (FeatureDefinition d : definitions) {
      out.append("| `")
          .append(d.name())
          .append("` | ")
          .append(lower(d.entity()))
          .append(" | ")
          .append(lower(d.direction()))
          .append(" | ")
          .append(window(d.window()))
          .append(" | ")
          .append(accuracy(d))
          .append(" | ")
          .append(lower(d.aggregation()))
          .append(" | ")
          .append(lower(d.type()))
          .append(" | ")
          .append(d.description())
          .append(" |\n");
    }
    return out.toString();
  }

  private static String accuracy(FeatureDefinition d) {
    if (d.aggregation() == Aggregation.GRAPH_BETWEENNESS_CENTRALITY) {
      return "sampled";
    }
    return switch (d.windowKind()) {
      case NONE -> "-";
      case EXACT -> "exact";
      case HOUR_TILES -> "hour tiles";
      case DAY_TILES -> "day tiles";
    };
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String window(Duration w) {
    if (w.isZero()) {
      return "-";
    }
    long s = w.toSeconds();
    if (s % 86_400 == 0 && s >= 7 * 86_400) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0 && s >= 300) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}

package io.amlmonitor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the feature catalogue. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "The feature catalogue.",
    subcommands = {FeaturesCommand.ListCommand.class})
final class FeaturesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code aml features list [--format table|json]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every feature.")
  static final class ListCommand implements Callable<Integer> {
    enum Format {
      table,
      json
    }

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
      List<FeatureDefinition> definitions = FeatureRegistry.standard().definitions();
      if (format == Format.json) {
        List<Map<String, Object>> out =
            definitions.stream()
                .map(
                    d -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("name", d.name());
                      m.put("entity", d.entity().name().toLowerCase(Locale.ROOT));
                      m.put("window", window(d.window()));
                      m.put("aggregation", d.aggregation().name().toLowerCase(Locale.ROOT));
                      m.put("type", d.type().name().toLowerCase(Locale.ROOT));
                      m.put("description", d.description());
                      return m;
                    })
                .toList();
        System.out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
      }
      String row = "%-30s %-9s %-7s %-25s %-7s %s%n";
      System.out.printf(row, "NAME", "ENTITY", "WINDOW", "AGGREGATION", "TYPE", "DESCRIPTION");
      for (FeatureDefinition d : definitions) {
        System.out.printf(
            row,
            d.name(),
            d.entity().name().toLowerCase(Locale.ROOT),
            window(d.window()),
            d.aggregation().name().toLowerCase(Locale.ROOT),
            d.type().name().toLowerCase(Locale.ROOT),
            d.description());
      }
      System.out.printf("%d features%n", definitions.size());
      return 0;
    }

    static String window(Duration w) {
      if (w.isZero()) {
        return "all";
      }
      long s = w.toSeconds();
      if (s % 86_400 == 0) {
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
}

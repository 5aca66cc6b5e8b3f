package io.amlmonitor.app;

import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.graph.GraphFeatures;
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

  /** {@code aml features list [--format table|json|markdown]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every feature.")
  static final class ListCommand implements Callable<Integer> {
    enum Format {
      table,
      json,
      markdown
    }

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      FeatureCatalogue catalogue =
          new FeatureCatalogue(GraphFeatures.registry(FeatureRegistry.standard()));
      String text =
          switch (format) {
            case table -> catalogue.table();
            case json -> catalogue.json() + System.lineSeparator();
            case markdown -> catalogue.markdown();
          };
      System.out.print(text);
      return 0;
    }
  }
}

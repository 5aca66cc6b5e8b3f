package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.Typology;
import io.amlmonitor.generator.csv.DatasetSummary;
import io.amlmonitor.generator.csv.DatasetWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a synthetic, labelled data set as CSV. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write synthetic customers, merchants and labelled transactions (CSV).")
final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--customers",
      defaultValue = "10000",
      description = "Customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--merchants",
      defaultValue = "500",
      description = "Merchants (default ${DEFAULT-VALUE}).")
  int merchants;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Days of history (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write customers.csv, merchants.csv and transactions.csv into.")
  Path out;

  @Override
  public Integer call() {
    Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    GeneratorConfig config =
        Populations.config(
            customers,
            merchants,
            days,
            seed,
            GeneratorConfig.DEFAULT_LAUNDERING_SHARE,
            settings.zone());
    System.out.println(
        msg.get("demo.generating", customers, merchants, days, String.valueOf(seed)));
    long started = System.nanoTime();
    AtomicLong lastPrint = new AtomicLong(started);
    StatusLine status = new StatusLine(System.out);
    DatasetSummary summary =
        DatasetWriter.write(
            Generator.create(config),
            out,
            written -> {
              long now = System.nanoTime();
              if (now - lastPrint.get() >= 1_000_000_000L) {
                lastPrint.set(now);
                double secs = (now - started) / 1e9;
                String line =
                    msg.get(
                        "generate.progress",
                        String.format("%02d:%02d", (long) secs / 60, (long) secs % 60),
                        written,
                        Math.round(written / secs));
                status.show(line);
              }
            });
    status.end();
    double secs = (System.nanoTime() - started) / 1e9;
    System.out.println(
        msg.get(
            "generate.done",
            summary.transactions(),
            summary.launderingTransactions(),
            out.toAbsolutePath().toString(),
            String.format("%.1f", secs)));
    System.out.println(msg.get("generate.typologies"));
    for (Typology t : Typology.values()) {
      System.out.printf("  %-24s %,d%n", t.label(), summary.count(t));
    }
    return 0;
  }
}

package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.csv.TransactionCsvReader;
import io.amlmonitor.offline.OfflineStore;
import io.amlmonitor.offline.SnapshotReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores a stream live, backfills the same history, and compares every feature. */
@Command(
    name = "consistency-check",
    mixinStandardHelpOptions = true,
    description = {
      "Score a stream through the live path, backfill the same history into Parquet, and compare "
          + "every feature of every transaction. Exits 1 when any value differs.",
      "The stream is --input, or a generated one. With --snapshots, compares with an existing "
          + "backfill instead (checks that training data matches the current serving config)."
    })
final class ConsistencyCheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--input",
      paramLabel = "DIR|FILE",
      description = "A dataset directory or transactions CSV (default: a generated stream).")
  Path input;

  @Option(
      names = "--snapshots",
      paramLabel = "FILE",
      description = "An existing feature_snapshots.parquet to compare with, instead of a backfill.")
  Path snapshots;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Keep the backfill's Parquet files here (default: a temporary directory).")
  Path out;

  @Option(
      names = "--partitions",
      defaultValue = "1",
      description =
          "Live pipeline partitions (default ${DEFAULT-VALUE}). With more, payments to one "
              + "merchant or account arrive from several threads in a different order than the "
              + "file's, and the check measures that skew.")
  int partitions;

  @Option(
      names = "--customers",
      defaultValue = "1000",
      description = "Generated stream: customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--merchants",
      defaultValue = "100",
      description = "Generated stream: merchants (default ${DEFAULT-VALUE}).")
  int merchants;

  @Option(
      names = "--days",
      defaultValue = "10",
      description = "Generated stream: days (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Generated stream: seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    var flags = common.asSettings();
    if (partitions < 1) {
      throw new ConfigException("--partitions", String.valueOf(partitions), "must be at least 1");
    }
    CommonOptions.put(flags, "AML_PIPELINE_PARTITIONS", partitions);
    Settings settings = Settings.resolve(ConfigSources.standard(flags));
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    PrintStream console = System.out;
    History history = history(settings);
    FeatureRegistry registry = FeatureRegistry.standard();

    console.println(msg.get("check.live", history.count(), partitions));
    Map<String, double[]> live;
    try (Stream<LabelledTransaction> pass = history.replay().get()) {
      live = ConsistencyCheck.live(pass.iterator(), settings, history.profiles());
    }

    Path dir = out;
    boolean temporary = false;
    Path file = snapshots;
    if (file == null) {
      if (dir == null) {
        dir = Files.createTempDirectory("aml-consistency-");
        temporary = true;
      }
      console.println(msg.get("check.backfill"));
      OfflineStore store = new OfflineStore(dir);
      try (Stream<LabelledTransaction> pass = history.replay().get()) {
        new Backfill(EmbeddedRuntime.featureEngine(settings, history.profiles()))
            .run(pass.iterator(), false, store, rows -> {});
      }
      file = store.snapshots();
    } else {
      console.println(msg.get("check.existing", file.toString()));
    }
    ConsistencyCheck.Report report;
    try (SnapshotReader reader = SnapshotReader.open(file, registry, List.of())) {
      report = ConsistencyCheck.compare(live, reader, registry);
    } finally {
      if (temporary) {
        Directories.deleteTree(dir);
      }
    }
    console.println(
        msg.get(
            "check.result",
            report.compared(),
            report.features(),
            report.mismatchedValues(),
            report.missing()));
    for (ConsistencyCheck.Mismatch m : report.examples()) {
      console.println(
          msg.get(
              "check.mismatch",
              m.transactionId(),
              m.feature(),
              String.valueOf(m.live()),
              String.valueOf(m.offline())));
    }
    for (String missing : report.missingExamples()) {
      console.println(msg.get("check.missing", missing));
    }
    console.println(msg.get(report.consistent() ? "check.ok" : "check.failed"));
    return report.consistent() ? 0 : 1;
  }

  /** A history that can be replayed more than once, each pass a stream to close. */
  private record History(
      long count, CustomerProfiles profiles, Supplier<Stream<LabelledTransaction>> replay) {
    static History of(CustomerProfiles profiles, Supplier<Stream<LabelledTransaction>> replay) {
      try (Stream<LabelledTransaction> pass = replay.get()) {
        return new History(pass.count(), profiles, replay);
      }
    }
  }

  private History history(Settings settings) {
    if (input != null) {
      HistorySource source = HistorySource.of("--input", input, null);
      // Unreadable rows are skipped on every pass alike; `aml backfill` reports them.
      return History.of(
          source.profiles(),
          () -> TransactionCsvReader.open(source.transactions(), r -> {}).stream());
    }
    GeneratorConfig config =
        Populations.config(
            customers,
            merchants,
            days,
            seed,
            GeneratorConfig.DEFAULT_LAUNDERING_SHARE,
            settings.zone());
    return History.of(
        CustomerProfiles.of(Generator.create(config).customers()),
        () -> Generator.create(config).transactions());
  }
}

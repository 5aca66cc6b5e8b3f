package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.GraphSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.generator.csv.TransactionCsvReader;
import io.amlmonitor.graph.InMemoryTransactionGraph;
import io.amlmonitor.offline.OfflineStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replays history through the feature engine into the Parquet offline store. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Replay history through the feature engine and write, for every transaction, its features "
          + "as of just before it (plus labels when the input has them) and the raw transaction "
          + "to Parquet: feature_snapshots.parquet and transactions.parquet in --out.",
      "Rows that cannot be read go to rejected.csv in --out, with line and reason."
    })
final class BackfillCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR|FILE",
      description = "A dataset directory (transactions.csv, customers.csv) or a transactions CSV.")
  Path input;

  @Option(
      names = "--customers",
      paramLabel = "FILE",
      description = "customers.csv for profile features (default: beside the transactions).")
  Path customers;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the Parquet files (created if missing).")
  Path out;

  @Option(
      names = "--allowed-lateness",
      paramLabel = "DURATION",
      description = "How late an event may be and still be placed (AML_ALLOWED_LATENESS).")
  String lateness;

  @Option(
      names = "--graph",
      paramLabel = "on|off",
      description =
          "Whether the replay keeps the relationship graph and writes each row's graph features"
              + " (GRAPH_DETECTION, default on).")
  String graph;

  @Override
  public Integer call() throws Exception {
    var flags = common.asSettings();
    CommonOptions.put(flags, "AML_ALLOWED_LATENESS", lateness);
    CommonOptions.put(flags, "GRAPH_DETECTION", graph);
    Settings settings = Settings.resolve(ConfigSources.standard(flags));
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    HistorySource source = HistorySource.of("--input", input, customers);
    Files.createDirectories(out);
    PrintStream console = System.out;
    console.println(
        msg.get(
            "backfill.start",
            source.transactions().toString(),
            out.toString(),
            source.hasProfiles() ? msg.get("backfill.profiles", "customers.csv") : ""));
    GraphSettings g = settings.graph();
    Backfill backfill =
        new Backfill(
            EmbeddedRuntime.featureEngine(settings, source.profiles()),
            g.detection() ? new InMemoryTransactionGraph(g.limits(), g.typologies()) : null);
    OfflineStore store = new OfflineStore(out);
    StatusLine status = new StatusLine(console);
    long started = System.nanoTime();
    Backfill.Summary summary;
    try (HistorySource.Rejected rejected = new HistorySource.Rejected(out.resolve("rejected.csv"));
        TransactionCsvReader reader = source.open(rejected)) {
      summary =
          backfill.run(
              reader,
              reader.labelled(),
              store,
              rows -> {
                double secs = (System.nanoTime() - started) / 1e9;
                status.show(
                    msg.get(
                        "backfill.progress",
                        String.format("%02d:%02d", (long) secs / 60, (long) secs % 60),
                        rows,
                        Math.round(rows / Math.max(secs, 1e-3))));
              });
      status.end();
      console.println(
          msg.get(
              "backfill.done",
              summary.rows(),
              String.format("%.1f", summary.seconds()),
              Math.round(summary.rowsPerSecond()),
              store.snapshots().toString()));
      console.println(
          msg.get("backfill.counts", summary.duplicates(), summary.late(), rejected.count()));
      if (rejected.count() > 0) {
        console.println(msg.get("backfill.rejected", rejected.file().toString()));
      }
    }
    return 0;
  }
}

package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.GraphSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.flow.FlowName;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aml flows}: the batch monitoring flows over the transactions in the system of record. */
@Command(
    name = "flows",
    mixinStandardHelpOptions = true,
    description = {
      "Run monitoring flows over the transactions stored in the system of record (the embedded "
          + "database, or PostgreSQL when POSTGRES_HOST is set):",
      "  transaction_monitoring  features and rules for every transaction of the period; stores "
          + "a decision for each one that has none",
      "  customer_risk           rates every customer from KYC profile, behaviour, relationships"
          + " and history; keeps each change with its reasons",
      "  alert_generation        alerts for decisions at or above the alert threshold, repeats "
          + "held back, grouped into one open case per customer, notifications sent",
      "Re-running is safe: nothing is stored twice, and a run that stopped resumes where it was.",
      "Exits 0 when every flow completed, 1 when one failed (what it finished is kept), 2 on a "
          + "bad option."
    })
final class FlowsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--flows",
      arity = "1..*",
      paramLabel = "NAME",
      description =
          "Flows to run, in this order (default: transaction_monitoring customer_risk "
              + "alert_generation).")
  List<String> flows = new ArrayList<>();

  @Option(names = "--flow", paramLabel = "NAME", description = "Run this one flow.")
  String flow;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Transactions per batch (FLOW_BATCH_SIZE, default 10000).")
  Integer batchSize;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads that score and store (FLOW_WORKERS, default: the processors).")
  Integer workers;

  @Option(
      names = "--risk-threshold",
      paramLabel = "SCORE",
      description =
          "Lowest customer risk score rated HIGH, 0–1 (RISK_SCORE_THRESHOLD, default 0.7).")
  String riskThreshold;

  @Option(
      names = "--lookback-days",
      paramLabel = "DAYS",
      description = "Days before --as-of the flows look at (FLOW_LOOKBACK_DAYS, default 30).")
  Integer lookbackDays;

  @Option(
      names = "--warm-up-days",
      paramLabel = "DAYS",
      description =
          "History before the period that only feeds the feature windows (FLOW_WARM_UP_DAYS; "
              + "default: all of it, so features equal the live path's).")
  Integer warmUpDays;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "End of the period, exclusive, as a date or time in UTC (default: now).")
  String asOf;

  @Option(
      names = "--suppression",
      paramLabel = "DURATION",
      description =
          "Hold back a repeat of the same pattern for the same customer for this long "
              + "(ALERT_SUPPRESSION, default 24h; 0 keeps every alert).")
  String suppression;

  @Option(
      names = "--webhook",
      paramLabel = "URL",
      description = "Post each new alert to this URL (ALERT_WEBHOOK_URL).")
  String webhook;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description =
          "Write Prometheus metrics to this file every second and at the end, in the node "
              + "exporter's textfile format (FLOW_METRICS_FILE).")
  String metricsFile;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve Prometheus metrics on /metrics at this port while the flows run "
              + "(FLOW_METRICS_PORT).")
  Integer metricsPort;

  @Option(
      names = "--graph-window",
      paramLabel = "DURATION",
      description =
          "How far back transfers take part in network typologies, e.g. 720h for 30 days (GRAPH_WINDOW).")
  String graphWindow;

  @Option(
      names = "--graph-amount-tolerance",
      paramLabel = "FRACTION",
      description =
          "How far transfers' amounts may differ to count as the same money in cycles, chains and"
              + " fans, e.g. 0.2; 1 accepts any amount (GRAPH_AMOUNT_TOLERANCE).")
  String graphAmountTolerance;

  @Option(
      names = "--graph-fan-threshold",
      paramLabel = "N",
      description =
          "Distinct counterparties within the window that make a fan-in or fan-out"
              + " (GRAPH_FAN_THRESHOLD, default 5).")
  Integer graphFanThreshold;

  @Option(
      names = "--graph-chain-accounts",
      paramLabel = "N",
      description = "Accounts in a pass-through chain, 3 to 7 (GRAPH_CHAIN_ACCOUNTS, default 4).")
  Integer graphChainAccounts;

  @Option(
      names = "--graph-typologies",
      paramLabel = "LIST",
      description =
          "The network typologies looked for, e.g. cycle,pass_through (GRAPH_TYPOLOGIES; all by"
              + " default).")
  String graphTypologies;

  @Option(
      names = "--graph",
      paramLabel = "on|off",
      description =
          "Whether transaction_monitoring looks for network typologies (GRAPH_DETECTION).")
  String graph;

  @Option(
      names = "--optimize-memory",
      description =
          "Keep per-customer working data in the database instead of in memory (slower, bounded).")
  boolean optimizeMemory;

  @Override
  public Integer call() {
    Map<String, String> flags = common.asSettings();
    CommonOptions.put(flags, "FLOW_BATCH_SIZE", batchSize);
    CommonOptions.put(flags, "FLOW_WORKERS", workers);
    CommonOptions.put(flags, "RISK_SCORE_THRESHOLD", riskThreshold);
    CommonOptions.put(flags, "FLOW_LOOKBACK_DAYS", lookbackDays);
    CommonOptions.put(flags, "FLOW_WARM_UP_DAYS", warmUpDays);
    CommonOptions.put(flags, "ALERT_SUPPRESSION", suppression);
    CommonOptions.put(flags, "ALERT_WEBHOOK_URL", webhook);
    CommonOptions.put(flags, "FLOW_METRICS_FILE", metricsFile);
    CommonOptions.put(flags, "FLOW_METRICS_PORT", metricsPort);
    CommonOptions.put(flags, "GRAPH_WINDOW", graphWindow);
    CommonOptions.put(flags, "GRAPH_AMOUNT_TOLERANCE", graphAmountTolerance);
    CommonOptions.put(flags, "GRAPH_DETECTION", graph);
    CommonOptions.put(flags, "GRAPH_TYPOLOGIES", graphTypologies);
    CommonOptions.put(flags, "GRAPH_FAN_THRESHOLD", graphFanThreshold);
    CommonOptions.put(flags, "GRAPH_CHAIN_ACCOUNTS", graphChainAccounts);
    ConfigSources sources = ConfigSources.standard(flags);
    Settings settings = Settings.resolve(sources);
    FlowSettings flowSettings = FlowSettings.resolve(sources);
    GraphSettings graphSettings = settings.graph();
    List<FlowName> selected = selected();
    Instant end = asOf == null ? InstantSource.system().instant() : IsoTime.option("--as-of", asOf);
    Logging.configure(settings.logLevel(), common.verbose);
    Logging.flowLog();
    return new FlowRunner(settings, flowSettings, graphSettings, InstantSource.system(), System.out)
        .run(selected, end, optimizeMemory);
  }

  private List<FlowName> selected() {
    if (flow != null && !flows.isEmpty()) {
      throw new ConfigException("--flow", flow, "cannot be combined with --flows; use one");
    }
    List<String> names = flow != null ? List.of(flow) : flows;
    if (names.isEmpty()) {
      return List.of(FlowName.values());
    }
    Set<FlowName> out = new LinkedHashSet<>();
    for (String n : names) {
      for (String part : n.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          out.add(FlowName.parse(part));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(flow != null ? "--flow" : "--flows", part, e.getMessage());
        }
      }
    }
    return List.copyOf(out);
  }
}

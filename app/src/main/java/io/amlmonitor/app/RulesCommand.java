package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.cases.AlertDisposition;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.flow.FlowParameters;
import io.amlmonitor.core.flow.RuleBacktest;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.jdbc.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aml rules}: work on rule sets. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Work on rule sets.",
    subcommands = {RulesCommand.Backtest.class})
final class RulesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code aml rules backtest}: a candidate rule set against the current one, over history. */
  @Command(
      name = "backtest",
      mixinStandardHelpOptions = true,
      description = {
        "Run a candidate rule set over the stored history beside the current one, on the same "
            + "features, and print per rule how many alerts each would raise; where cases were "
            + "closed (SAR or false positive), also the true and false positives. Stores nothing.",
        "Exits 0, 1 when the store cannot be reached, 2 on a bad option or rules file."
      })
  static final class Backtest implements Callable<Integer> {
    @Option(
        names = "--rules",
        required = true,
        paramLabel = "FILE",
        description = "The candidate rules file.")
    Path candidate;

    @Option(
        names = "--current",
        paramLabel = "FILE",
        description = "The rules to compare with (default: AML_RULES_FILE, else the bundled set).")
    Path current;

    @Option(
        names = "--lookback-days",
        paramLabel = "DAYS",
        description = "Days before --as-of to score (FLOW_LOOKBACK_DAYS, default 30).")
    Integer lookbackDays;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "End of the period, exclusive, as a date or time in UTC (default: now).")
    String asOf;

    @Option(
        names = "--alert-threshold",
        paramLabel = "SCORE",
        description = "Lowest score that raises an alert, 0–1 (ALERT_THRESHOLD).")
    String alertThreshold;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "AML_DATA_DIR.")
    String dataDir;

    @Option(names = "--locale", paramLabel = "TAG", description = "en or pt-BR (AML_LOCALE).")
    String locale;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "AML_TIMEZONE.")
    String timezone;

    @Option(names = "--verbose", description = "Show detail on the console.")
    boolean verbose;

    @Override
    public Integer call() {
      Map<String, String> flags = new HashMap<>();
      CommonOptions.put(flags, "FLOW_LOOKBACK_DAYS", lookbackDays);
      CommonOptions.put(flags, "ALERT_THRESHOLD", alertThreshold);
      CommonOptions.put(flags, "AML_DATA_DIR", dataDir);
      CommonOptions.put(flags, "AML_LOCALE", locale);
      CommonOptions.put(flags, "AML_TIMEZONE", timezone);
      CommonOptions.put(flags, "AML_RULES_FILE", current);
      ConfigSources sources = ConfigSources.standard(flags);
      Settings settings = Settings.resolve(sources);
      FlowSettings flowSettings = FlowSettings.resolve(sources);
      Instant end =
          asOf == null ? InstantSource.system().instant() : IsoTime.option("--as-of", asOf);
      Logging.configure(settings.logLevel(), verbose);
      RuleSets now = RuleSets.load(settings.rulesFile(), settings.zone());
      RuleSets next = RuleSets.load(candidate, settings.zone());
      return run(settings, flowSettings, end, now, next, System.out);
    }

    static int run(
        Settings settings,
        FlowSettings flowSettings,
        Instant end,
        RuleSets now,
        RuleSets next,
        PrintStream out) {
      AppMessages msg = new AppMessages(settings.locale());
      FlowParameters p = FlowRunner.parameters(settings, flowSettings, end, false);
      try (Database db = Database.open(SqlStores.config(settings))) {
        CustomerProfiles profiles = FlowRunner.profiles(db);
        Map<String, Boolean> labels = new HashMap<>();
        db.cases()
            .forEachDisposition(
                TimeRange.ALL,
                d ->
                    labels.put(
                        d.transactionId().value(),
                        d.disposition() == AlertDisposition.Outcome.SAR));
        out.println(
            msg.get(
                "backtest.start",
                next.rules().version(),
                now.rules().version(),
                p.period().toString(),
                labels.size()));
        StatusLine status = new StatusLine(out);
        RuleBacktest.Result r =
            new RuleBacktest(
                    () -> EmbeddedRuntime.featureEngine(settings, profiles), db.transactions())
                .run(
                    p,
                    new Scorer(now.rules(), settings.riskThresholds()),
                    new Scorer(next.rules(), settings.riskThresholds()),
                    labels,
                    n -> status.showEvery(() -> msg.get("backtest.progress", n)));
        status.end();
        new BacktestReport(msg, out).print(r);
        return 0;
      } catch (StoreException e) {
        out.println(msg.get("flows.storeFailed", e.getMessage()));
        return 1;
      }
    }
  }
}

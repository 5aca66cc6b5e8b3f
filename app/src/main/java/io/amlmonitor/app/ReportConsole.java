package io.amlmonitor.app;

import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.cases.CaseService;
import io.amlmonitor.core.cases.EvidenceSource;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.report.AmlReport;
import io.amlmonitor.core.report.ReportBuilder;
import io.amlmonitor.core.report.ReportHtml;
import io.amlmonitor.core.report.ReportText;
import io.amlmonitor.core.report.RuleTypologies;
import io.amlmonitor.core.rules.RuleSet;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.ml.ModelException;
import io.amlmonitor.ml.ModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * What {@code aml report} does on the SQL system of record the settings name: builds the report,
 * prints it as text, writes the HTML page when asked, and returns the exit code (0 done, 1 the
 * store unreachable or failing, or the page not written).
 */
final class ReportConsole {
  private final Settings settings;
  private final PrintWriter out;
  private final PrintWriter err;
  private final InstantSource clock;
  private final AppMessages msg;

  ReportConsole(Settings settings, PrintWriter out, PrintWriter err, InstantSource clock) {
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.msg = new AppMessages(settings.locale());
  }

  /**
   * Reports on {@code period}, listing the {@code top} riskiest customers; writes the page to
   * {@code page} unless it is null.
   *
   * @throws io.amlmonitor.core.rules.RuleSetException when the rules file cannot be used (exit 2)
   */
  int run(TimeRange period, int top, Path page) {
    return run(period, top, page, null);
  }

  /**
   * As {@link #run(TimeRange, int, Path)}, with the promoted model's drift read from the registry
   * in {@code modelsDir} (null: the data directory's).
   */
  int run(TimeRange period, int top, Path page, Path modelsDir) {
    // The current rules classify the alerts; a bad file is refused before the store is opened.
    RuleSet rules = RuleSets.load(settings.rulesFile(), settings.zone()).rules();
    DatabaseConfig config = SqlStores.config(settings);
    if (config instanceof DatabaseConfig.Embedded embedded && !Files.exists(embedded.file())) {
      err.println(msg.get("report.noEmbedded", embedded.file().toString()));
      return 1;
    }
    AmlReport report;
    try (Database db = Database.open(config)) {
      RuleTypologies typologies =
          RuleTypologies.of(
              rules, db.ruleSets(), new RuleSetLoader(FeatureRegistry.standard(), settings.zone()));
      CaseService cases = new CaseService(db.cases(), EvidenceSource.NONE, clock);
      report =
          new ReportBuilder(db.reports(), cases, typologies, clock)
              .build(period, settings.zone(), top);
      try {
        ModelRegistry models = new ModelRegistry(ModelsCommand.registryDir(settings, modelsDir));
        report = ReportDrift.of(db, models, period).map(report::withModelDrift).orElse(report);
      } catch (ModelException e) {
        // The rest of the report stands without the model's section.
        err.println(msg.get("report.driftFailed", e.getMessage()));
      }
    } catch (StoreUnavailableException e) {
      err.println(msg.get("import.unreachable", e.getMessage()));
      return 1;
    } catch (StoreException e) {
      err.println(msg.get("report.failed", e.getMessage()));
      return 1;
    }
    out.print(ReportText.render(report, settings.locale()));
    out.flush();
    if (page != null) {
      try {
        Path parent = page.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(
            page, ReportHtml.render(report, settings.locale()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(msg.get("report.notWritten", page.toString(), String.valueOf(e.getMessage())));
        return 1;
      }
      out.println(msg.get("report.written", page.toString()));
      out.flush();
    }
    return 0;
  }
}

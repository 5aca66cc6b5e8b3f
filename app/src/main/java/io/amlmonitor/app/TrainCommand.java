package io.amlmonitor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.cases.FeedbackLabels;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.ml.Evaluation;
import io.amlmonitor.ml.ModelException;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.ModelTraining;
import io.amlmonitor.ml.TimeSplit;
import io.amlmonitor.ml.TrainingDataException;
import io.amlmonitor.ml.TrainingOptions;
import io.amlmonitor.ml.TrainingReport;
import io.amlmonitor.ml.TrainingReportHtml;
import io.amlmonitor.ml.Trial;
import io.amlmonitor.offline.OfflineStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the gradient-boosted model on point-in-time snapshots and reports how it does. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a gradient-boosted tree model (XGBoost) on point-in-time feature snapshots, as "
          + "aml backfill writes them: a time-ordered 70/15/15 split by event_timestamp, "
          + "positives weighted by scale_pos_weight, a seeded random search of hyper-parameters "
          + "on validation PR-AUC, and a logistic-regression baseline.",
      "Writes the report (JSON, and HTML beside it) and saves the model with its metadata "
          + "in --models."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:trained", "1:the input cannot be trained on", "2:a bad option"})
final class TrainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR|FILE",
      description = "The backfill's directory (feature_snapshots.parquet) or a snapshot file.")
  Path input;

  @Option(
      names = "--label",
      paramLabel = "COLUMN",
      defaultValue = TrainingData.DEFAULT_LABEL,
      description = "The binary label column (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(
      names = "--trials",
      paramLabel = "N",
      defaultValue = "10",
      description = "Hyper-parameter search trials (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Seed of the search, XGBoost's sampling and the baseline.")
  long seed;

  @Option(
      names = "--alert-rate",
      paramLabel = "SHARE",
      defaultValue = "0.01",
      description = "Share of test transactions alerted when measuring recall (default: 0.01).")
  double alertRate;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "XGBoost's threads (default: the processors).")
  Integer threads;

  @Option(
      names = "--report",
      required = true,
      paramLabel = "FILE",
      description = "The JSON report; the HTML page goes beside it (.html).")
  Path report;

  @Option(
      names = "--with-feedback",
      description =
          "Use analysts' verdicts from the system of record as labels: an alert whose case was "
              + "closed with a SAR is laundering, one closed as a false positive is not. A verdict "
              + "replaces the label column's value and labels rows that have none.")
  boolean withFeedback;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description = "The model registry (default: models in the data directory).")
  Path models;

  @Override
  public Integer call() {
    Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TrainingOptions options = options();
    Path registryDir = models != null ? models : settings.dataDir().resolve("models");
    try {
      FeatureRegistry registry = TrainingData.registryFor(input);
      FeedbackLabels feedback = withFeedback ? feedback(settings) : new FeedbackLabels();
      TrainingData.Loaded loaded = TrainingData.read(input, label, registry, feedback);
      if (loaded.dataset().size() == 0) {
        throw new TrainingData.InputProblem("train.empty", loaded.file().toString());
      }
      out.println(
          msg.get(
              "train.start",
              loaded.file().toString(),
              loaded.dataset().size(),
              loaded.dataset().positives(),
              loaded.dataset().featureCount(),
              label));
      if (withFeedback) {
        TrainingData.FeedbackApplied f = loaded.feedback();
        out.println(
            msg.get(
                "train.feedback",
                f.verdicts(),
                feedback.positives(),
                f.changed(),
                f.confirmed(),
                f.added(),
                f.unmatched()));
      }
      if (loaded.unlabelled() > 0) {
        out.println(msg.get("train.unlabelled", loaded.unlabelled()));
      }
      out.flush();
      TrainingReport result =
          new ModelTraining(Clock.systemUTC())
              .train(loaded.dataset(), label, options, progress(msg, out));
      Path saved = new ModelRegistry(registryDir).save(result.metadata(), result.modelJson());
      Path html = htmlBeside(report);
      write(report, json(result));
      write(html, new TrainingReportHtml(settings.locale()).render(result));
      Evaluation test = result.test();
      Evaluation baseline = result.baselineTest();
      out.println(
          msg.get(
              "train.result",
              f4(test.rocAuc()),
              f4(test.prAuc()),
              pct(options.alertRate(), msg.locale()),
              pct(test.alerts().recall(), msg.locale()),
              f4(baseline.rocAuc()),
              f4(baseline.prAuc()),
              pct(baseline.alerts().recall(), msg.locale())));
      out.println(msg.get("train.saved", result.metadata().version(), saved.toString()));
      out.println(msg.get("train.report", report.toString(), html.toString()));
      out.flush();
      return 0;
    } catch (StoreException e) {
      err.println(msg.get("train.feedbackFailed", e.getMessage()));
      return 1;
    } catch (TrainingData.InputProblem e) {
      err.println(msg.get(e.key, e.args));
      return 1;
    } catch (TrainingDataException | OfflineStoreException | ModelException e) {
      err.println(msg.get("train.failed", e.getMessage()));
      return 1;
    } catch (IllegalArgumentException e) {
      // A snapshot file that does not match the feature catalogue (missing or mistyped columns).
      err.println(msg.get("train.failed", e.getMessage()));
      return 1;
    }
  }

  /** Every verdict in the system of record (PostgreSQL when configured, else the embedded file). */
  private static FeedbackLabels feedback(Settings settings) {
    FeedbackLabels labels = new FeedbackLabels();
    try (Database db = Database.open(SqlStores.config(settings))) {
      db.cases().forEachDisposition(TimeRange.ALL, labels::add);
    }
    return labels;
  }

  private TrainingOptions options() {
    if (trials < 1) {
      throw new ConfigException("--trials", String.valueOf(trials), "must be at least 1");
    }
    if (!(alertRate > 0 && alertRate < 1)) {
      throw new ConfigException("--alert-rate", String.valueOf(alertRate), "must be in (0, 1)");
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new ConfigException("--threads", String.valueOf(n), "must be at least 1");
    }
    return TrainingOptions.of(trials, seed, n).withAlertRate(alertRate);
  }

  private static ModelTraining.Listener progress(AppMessages msg, PrintWriter out) {
    return new ModelTraining.Listener() {
      private double best = -1;

      @Override
      public void split(TimeSplit split, double scalePosWeight) {
        out.println(
            msg.get(
                "train.split",
                split.train().size(),
                split.train().positives(),
                Instant.ofEpochMilli(split.train().eventMillis(0)).toString(),
                split.validation().size(),
                split.validation().positives(),
                split.validationStart().toString(),
                split.test().size(),
                split.test().positives(),
                split.testStart().toString(),
                String.format(msg.locale(), "%.1f", scalePosWeight)));
        out.flush();
      }

      @Override
      public void trial(Trial trial, int trials) {
        boolean better = trial.validationPrAuc() > best;
        best = Math.max(best, trial.validationPrAuc());
        out.println(
            msg.get(
                "train.trial",
                trial.number(),
                trials,
                f4(trial.validationPrAuc()),
                f4(trial.validationRocAuc()),
                String.format(msg.locale(), "%.1f", trial.seconds()),
                better ? msg.get("train.best") : ""));
        out.flush();
      }
    };
  }

  private static String json(TrainingReport result) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(result.toJson());
    } catch (IOException e) {
      throw new ModelException("could not write the report as JSON: " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TrainingData.InputProblem("train.notWritten", file.toString(), e.getMessage());
    }
  }

  /** {@code report.json} → {@code report.html}; another name gets {@code .html} added. */
  static Path htmlBeside(Path report) {
    String name = report.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".json")
            ? name.substring(0, name.length() - 5)
            : name;
    return report.resolveSibling(base + ".html");
  }

  private static String f4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String pct(double v, Locale locale) {
    return String.format(locale, "%.1f%%", 100 * v);
  }
}

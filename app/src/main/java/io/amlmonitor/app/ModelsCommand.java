package io.amlmonitor.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.ml.ModelException;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.Promotion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aml models}: the model registry: list, show, promote, roll back. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "The model registry: list the trained versions, show one, promote one to serve, or roll "
          + "back to the version promoted before.",
      "aml serve and aml demo pick up a promotion or a rollback within seconds, without restart."
    },
    subcommands = {
      ModelsCommand.ListVersions.class,
      ModelsCommand.Show.class,
      ModelsCommand.Promote.class,
      ModelsCommand.Rollback.class
    })
final class ModelsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What every subcommand shares: the settings, the registry, the output and the messages. */
  abstract static class RegistryCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(
        names = "--models",
        paramLabel = "DIR",
        description = "The model registry (default: models in the data directory).")
    Path models;

    /** "Now" for the promotion record; the system clock unless a test sets another. */
    InstantSource clock = InstantSource.system();

    AppMessages msg;
    PrintWriter out;

    @Override
    public final Integer call() {
      Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
      Logging.configure(settings.logLevel(), common.verbose);
      msg = new AppMessages(settings.locale());
      out = spec.commandLine().getOut();
      ModelRegistry registry = new ModelRegistry(registryDir(settings, models));
      try {
        return run(registry);
      } catch (ModelException e) {
        spec.commandLine().getErr().println(msg.get("models.failed", e.getMessage()));
        return 1;
      } finally {
        out.flush();
      }
    }

    abstract int run(ModelRegistry registry);
  }

  /** The registry of {@code settings}, or {@code dir} when given. */
  static Path registryDir(Settings settings, Path dir) {
    return dir != null ? dir : settings.dataDir().resolve("models");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the versions, newest last, with their test metrics; * marks the promoted.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:listed", "1:the registry cannot be read"})
  static final class ListVersions extends RegistryCommand {
    @Override
    int run(ModelRegistry registry) {
      List<String> versions = registry.versions();
      if (versions.isEmpty()) {
        out.println(msg.get("models.none", registry.root().toString()));
        return 0;
      }
      String promoted = registry.promoted().orElse(null);
      out.println(msg.get("models.header"));
      for (String v : versions) {
        JsonNode m = registry.metadata(v);
        out.println(
            String.format(
                Locale.ROOT,
                "%s %-40s %-20s %8s %8s %8s",
                v.equals(promoted) ? "*" : " ",
                v,
                m.path("created_at").asText(),
                metric(m, "test.roc_auc"),
                metric(m, "test.pr_auc"),
                m.path("training_data").path("training_rows").asText()));
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a version's metadata and its promotions.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:shown", "1:no such version, or it cannot be read"})
  static final class Show extends RegistryCommand {
    @Parameters(paramLabel = "VERSION", description = "The version to show.")
    String version;

    @Override
    int run(ModelRegistry registry) {
      if (!registry.versions().contains(version)) {
        throw new ModelException("no model version " + version + " in " + registry.root());
      }
      JsonNode m = registry.metadata(version);
      boolean promoted = registry.promoted().map(version::equals).orElse(false);
      out.println(
          msg.get("models.show.version", version, promoted ? msg.get("models.serving") : ""));
      out.println(msg.get("models.show.created", m.path("created_at").asText()));
      out.println(msg.get("models.show.label", m.path("label").asText()));
      out.println(
          msg.get(
              "models.show.data",
              m.path("training_data").path("fingerprint_sha256").asText(),
              m.path("training_data").path("training_rows").asText()));
      out.println(msg.get("models.show.features", m.path("feature_names").size()));
      out.println(msg.get("models.show.metrics"));
      m.path("metrics")
          .fields()
          .forEachRemaining(e -> out.println("  " + e.getKey() + " = " + e.getValue().asText()));
      for (Promotion p : registry.promotionHistory()) {
        if (p.version().equals(version) || version.equals(p.replaced())) {
          out.println(
              msg.get("models.show.promotion", p.action(), p.version(), p.by(), p.at().toString()));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = "Make VERSION the model that scores; running servers switch to it.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:promoted", "1:no such version, or it is promoted already"})
  static final class Promote extends RegistryCommand {
    @Parameters(paramLabel = "VERSION", description = "The version to promote.")
    String version;

    @Option(
        names = "--by",
        paramLabel = "USER",
        description = "Who promotes (default: the user.name of this process).")
    String by;

    @Override
    int run(ModelRegistry registry) {
      if (!registry.versions().contains(version)) {
        throw new ModelException("no model version " + version + " in " + registry.root());
      }
      // Loading it first: a version that cannot be served is refused here, not in production.
      registry.load(version);
      Promotion p = registry.promote(version, who(by), clock.instant());
      out.println(msg.get("models.promoted", p.version(), p.by(), p.at().toString(), previous(p)));
      return 0;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Go back to the version promoted before the current one.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:rolled back", "1:there is no earlier promotion to go back to"})
  static final class Rollback extends RegistryCommand {
    @Option(
        names = "--by",
        paramLabel = "USER",
        description = "Who rolls back (default: the user.name of this process).")
    String by;

    @Override
    int run(ModelRegistry registry) {
      Promotion p = registry.rollback(who(by), clock.instant());
      out.println(
          msg.get("models.rolledBack", p.version(), p.replaced(), p.by(), p.at().toString()));
      return 0;
    }
  }

  static String who(String by) {
    String user = by != null ? by : System.getProperty("user.name");
    if (user == null || user.isBlank()) {
      throw new ModelException("who promotes is unknown: give --by");
    }
    return user.strip();
  }

  private static String previous(Promotion p) {
    return Optional.ofNullable(p.replaced()).orElse("-");
  }

  private static String metric(JsonNode m, String name) {
    JsonNode v = m.path("metrics").path(name);
    return v.isNumber() ? String.format(Locale.ROOT, "%.4f", v.asDouble()) : "-";
  }
}

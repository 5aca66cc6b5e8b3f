package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.core.rules.RuleSetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aml} command line. */
@Command(
    name = "aml",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "AML Monitor: real-time anti-money-laundering monitoring.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      FeaturesCommand.class,
      BackfillCommand.class,
      ConsistencyCheckCommand.class,
      DbCheckCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      FlowsCommand.class,
      RulesCommand.class,
      CasesCommand.class,
      ProduceCommand.class,
      KafkaBrokerCommand.class,
      StreamCommand.class,
      ReportCommand.class,
      TrainCommand.class,
      ModelsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for a configuration or rules file the program cannot run with. */
  static final int CONFIG_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code, without exiting (for tests). */
  public static int execute(String... args) {
    return execute(new CommandLine(new Main()), args);
  }

  /** Runs {@code cli} (a command line over {@link Main}, its streams set by the caller). */
  static int execute(CommandLine cli, String... args) {
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException || e instanceof RuleSetException) {
            commandLine.getErr().println("aml: " + e.getMessage());
            return CONFIG_ERROR;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"aml " + (v == null ? "development build" : v)};
    }
  }
}

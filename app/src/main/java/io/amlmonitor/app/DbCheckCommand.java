package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aml db-check}: is every configured store reachable and up to date? */
@Command(
    name = "db-check",
    mixinStandardHelpOptions = true,
    description = {
      "Check each configured store: the SQL system of record (PostgreSQL when POSTGRES_HOST is "
          + "set, else the embedded database file under AML_DATA_DIR) and Redis when REDIS_HOST "
          + "is set. Prints each server's version and the schema version.",
      "Exits 1 when a store is unreachable or its schema is behind this build (pending "
          + "migrations), 2 on a bad setting."
    })
final class DbCheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--migrate",
      description =
          "Apply pending migrations first (creating the embedded database if it does not exist).")
  boolean migrate;

  @Override
  public Integer call() {
    Settings settings = Settings.resolve(ConfigSources.standard(common.asSettings()));
    Logging.configure(settings.logLevel(), common.verbose);
    return new StoreCheck(settings, System.out).run(migrate);
  }
}

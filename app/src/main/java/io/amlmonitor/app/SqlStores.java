package io.amlmonitor.app;

import io.amlmonitor.app.config.PostgresSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.jdbc.DatabaseConfig;

/** Which SQL database the settings name: PostgreSQL when configured, else the embedded file. */
final class SqlStores {
  private SqlStores() {}

  static DatabaseConfig config(Settings settings) {
    return config(settings, settings.sqlPoolSize());
  }

  /** The database of {@code settings} with a pool of at least {@code connections}. */
  static DatabaseConfig config(Settings settings, int connections) {
    int pool = Math.max(settings.sqlPoolSize(), connections);
    PostgresSettings pg = settings.postgres();
    if (pg != null) {
      return new DatabaseConfig.Postgres(
          pg.host(), pg.port(), pg.database(), pg.user(), pg.password(), pg.schema(), pool);
    }
    return new DatabaseConfig.Embedded(settings.dataDir().resolve("db"), pool);
  }
}

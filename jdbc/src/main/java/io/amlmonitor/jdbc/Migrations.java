package io.amlmonitor.jdbc;

import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.jdbc.migration.V2__Case_events_append_only;
import io.amlmonitor.jdbc.migration.V4__Received_at_brin_on_postgresql;
import io.amlmonitor.jdbc.migration.V6__Case_workflow;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The one set of Flyway migrations both databases run: SQL scripts in {@code db/migration} and the
 * Java migrations listed here.
 */
final class Migrations {
  private final Flyway flyway;
  private final String target;

  Migrations(DataSource dataSource, DatabaseConfig config) {
    FluentConfiguration fc =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .javaMigrations(
                new V2__Case_events_append_only(),
                new V4__Received_at_brin_on_postgresql(),
                new V6__Case_workflow())
            .failOnMissingLocations(true)
            .cleanDisabled(true);
    if (config instanceof DatabaseConfig.Postgres pg) {
      fc.schemas(pg.schema()).defaultSchema(pg.schema()).createSchemas(true);
    }
    this.flyway = fc.load();
    this.target = config.describe();
  }

  /** Applies the pending migrations. */
  void migrate() {
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreException("migrating " + target + " failed: " + e.getMessage(), e);
    }
  }

  /** The applied version, the newest this build carries, and what is pending. */
  DatabaseStatus status(String product, String productVersion) {
    MigrationInfoService info;
    try {
      info = flyway.info();
    } catch (FlywayException e) {
      throw new StoreException("reading the schema version of " + target + " failed", e);
    }
    MigrationInfo current = info.current();
    List<String> pending = new ArrayList<>();
    for (MigrationInfo m : info.pending()) {
      pending.add(m.getVersion() + " " + m.getDescription());
    }
    String latest = null;
    for (MigrationInfo m : info.all()) {
      if (m.getVersion() != null && m.getState().isResolved()) {
        latest = m.getVersion().getVersion();
      }
    }
    return new DatabaseStatus(
        target,
        product,
        productVersion,
        current == null || current.getVersion() == null ? null : current.getVersion().getVersion(),
        latest,
        pending);
  }
}

package io.amlmonitor.jdbc.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code case_events} append-only in the database itself, so that no client, not even one
 * bypassing the application, can rewrite the audit trail: UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL) are refused with SQLState P0001.
 *
 * <p>Implementation note: the one migration in Java, because a trigger is the one thing the two
 * databases cannot share a statement for: PostgreSQL runs a PL/pgSQL function, H2 a Java class.
 */
public final class V2__Case_events_append_only extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    try (Statement s = c.createStatement()) {
      if (product.contains("postgres")) {
        s.execute(
            "CREATE FUNCTION case_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN RAISE EXCEPTION 'case_events is append-only: % refused', TG_OP"
                + " USING ERRCODE = 'P0001'; END $$");
        s.execute(
            "CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events"
                + " FOR EACH ROW EXECUTE FUNCTION case_events_refuse_change()");
        s.execute(
            "CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events"
                + " FOR EACH STATEMENT EXECUTE FUNCTION case_events_refuse_change()");
      } else if (product.contains("h2")) {
        s.execute(
            "CREATE TRIGGER case_events_append_only BEFORE UPDATE, DELETE ON case_events"
                + " FOR EACH ROW CALL '"
                + H2AppendOnlyTrigger.class.getName()
                + "'");
      } else {
        throw new SQLException("no append-only trigger for " + product);
      }
    }
  }
}

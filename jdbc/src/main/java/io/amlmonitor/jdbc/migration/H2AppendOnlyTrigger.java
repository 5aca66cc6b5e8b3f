package io.amlmonitor.jdbc.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's side of {@link V2__Case_events_append_only}: refuses every row it is called for. */
public final class H2AppendOnlyTrigger implements Trigger {
  private String table = "case_events";

  @Override
  public void init(
      Connection conn,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "P0001");
  }
}

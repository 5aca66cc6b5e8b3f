package io.amlmonitor.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The few statements PostgreSQL and H2 (in PostgreSQL mode) spell differently: upserts. */
public enum Dialect {
  POSTGRESQL,
  H2;

  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new SQLException("unsupported database: " + product);
  }

  /**
   * An insert of {@code columns} into {@code table} that replaces every column but the key when a
   * row with the same key exists.
   */
  String upsert(String table, String key, String... columns) {
    String list = String.join(", ", columns);
    String params = "?" + ", ?".repeat(columns.length - 1);
    if (this == H2) {
      return "MERGE INTO " + table + " (" + list + ") KEY (" + key + ") VALUES (" + params + ")";
    }
    StringBuilder set = new StringBuilder();
    for (String column : columns) {
      if (!column.equals(key)) {
        set.append(set.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
      }
    }
    return "INSERT INTO "
        + table
        + " ("
        + list
        + ") VALUES ("
        + params
        + ") ON CONFLICT ("
        + key
        + ") DO UPDATE SET "
        + set;
  }
}

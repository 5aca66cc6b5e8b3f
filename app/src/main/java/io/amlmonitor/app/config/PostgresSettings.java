package io.amlmonitor.app.config;

import java.util.regex.Pattern;

/**
 * Where the PostgreSQL system of record is, when {@code POSTGRES_HOST} is set. The database
 * defaults to the user's name and the user to {@code postgres}, as PostgreSQL's own tools do.
 *
 * @param password null when the server needs none (trust or peer authentication)
 * @param schema the schema that holds the tables ({@code POSTGRES_SCHEMA}, default {@code public})
 */
public record PostgresSettings(
    String host, int port, String database, String user, String password, String schema) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

  /** The settings, or null when {@code POSTGRES_HOST} is not set (the embedded database). */
  static PostgresSettings resolve(ConfigSources s) {
    String host = s.get("POSTGRES_HOST");
    if (host == null) {
      return null;
    }
    if (!HOST.matcher(host).matches()) {
      throw new ConfigException("POSTGRES_HOST", host, "is not a host name or address");
    }
    String user = text(s, "POSTGRES_USER", "postgres");
    String schema = text(s, "POSTGRES_SCHEMA", "public");
    if (!IDENTIFIER.matcher(schema).matches()) {
      throw new ConfigException(
          "POSTGRES_SCHEMA", schema, "must be a lower-case identifier such as public or aml");
    }
    return new PostgresSettings(
        host,
        Settings.integer(s, "POSTGRES_PORT", 5432, 1, 65_535),
        text(s, "POSTGRES_DB", user),
        user,
        s.get("POSTGRES_PASSWORD"),
        schema);
  }

  private static String text(ConfigSources s, String name, String fallback) {
    String v = s.get(name);
    return v == null ? fallback : v;
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "PostgresSettings[host="
        + host
        + ", port="
        + port
        + ", database="
        + database
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", schema="
        + schema
        + "]";
  }
}

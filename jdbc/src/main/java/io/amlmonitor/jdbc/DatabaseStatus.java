package io.amlmonitor.jdbc;

import java.util.List;

/**
 * What {@code aml db-check} reports about the SQL store: the server, and how its schema compares
 * with the migrations this build carries.
 *
 * @param target where the database is, as {@link DatabaseConfig#describe()} puts it
 * @param product the server's product name, such as {@code PostgreSQL} or {@code H2}
 * @param schemaVersion the newest migration applied, or null when none is
 * @param latestVersion the newest migration this build carries
 * @param pending the migrations not applied yet, as {@code version description}
 */
public record DatabaseStatus(
    String target,
    String product,
    String productVersion,
    String schemaVersion,
    String latestVersion,
    List<String> pending) {
  public DatabaseStatus {
    pending = List.copyOf(pending);
  }

  /** Whether every migration this build carries is applied. */
  public boolean upToDate() {
    return pending.isEmpty();
  }
}

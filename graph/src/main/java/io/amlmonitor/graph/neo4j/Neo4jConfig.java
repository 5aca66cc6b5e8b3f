package io.amlmonitor.graph.neo4j;

import java.net.URI;
import java.util.Objects;

/**
 * Where the Neo4j graph lives ({@code NEO4J_URI}, {@code NEO4J_USER}, {@code NEO4J_PASSWORD},
 * {@code NEO4J_DATABASE}) and how many transactions one write carries.
 *
 * @param password null for a server without authentication
 * @param database null for the server's default database
 */
public record Neo4jConfig(URI uri, String user, String password, String database, int batchSize) {
  public Neo4jConfig {
    Objects.requireNonNull(uri, "uri");
    if (batchSize < 1) {
      throw new IllegalArgumentException("Neo4j batch size must be at least 1, was " + batchSize);
    }
  }

  /** Host, port and database, without the password: for messages. */
  public String describe() {
    return uri + (database == null ? "" : " (database " + database + ")");
  }
}

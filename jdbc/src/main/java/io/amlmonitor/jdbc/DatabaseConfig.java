package io.amlmonitor.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** Which SQL database holds the system of record: a PostgreSQL server or an embedded H2 file. */
public sealed interface DatabaseConfig {
  Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Connections the pool keeps open at most. */
  int poolSize();

  /** Migrations hold two connections at once (the history table's lock and the migration). */
  int MIN_POOL_SIZE = 2;

  private static void checkPoolSize(int poolSize) {
    if (poolSize < MIN_POOL_SIZE) {
      throw new IllegalArgumentException(
          "poolSize must be at least " + MIN_POOL_SIZE + ", was " + poolSize);
    }
  }

  /** Where the database is, for messages: never includes a password. */
  String describe();

  /**
   * A PostgreSQL server.
   *
   * @param password null when the server trusts the user
   * @param schema the schema that holds the tables; created by the first migration when missing
   */
  record Postgres(
      String host,
      int port,
      String database,
      String user,
      String password,
      String schema,
      int poolSize)
      implements DatabaseConfig, java.io.Serializable {
    public Postgres {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(user, "user");
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
      }
      if (!IDENTIFIER.matcher(schema).matches()) {
        throw new IllegalArgumentException(
            "schema must be a lower-case SQL identifier, was '" + schema + "'");
      }
      checkPoolSize(poolSize);
    }

    /** The JDBC URL: short connect and socket-login timeouts, so an absent server fails fast. */
    public String url() {
      return "jdbc:postgresql://" + hostPort() + "/" + database + "?connectTimeout=5";
    }

    public String hostPort() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String describe() {
      return "PostgreSQL at "
          + hostPort()
          + " (database "
          + database
          + ", user "
          + user
          + ", schema "
          + schema
          + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /**
   * An H2 database file, {@code aml.mv.db} in {@code directory}, in PostgreSQL compatibility mode.
   */
  record Embedded(Path directory, int poolSize) implements DatabaseConfig {
    public Embedded {
      Objects.requireNonNull(directory, "directory");
      checkPoolSize(poolSize);
    }

    /** The database file itself. */
    public Path file() {
      return directory.resolve("aml.mv.db");
    }

    /** The JDBC URL; with {@code mustExist}, connecting does not create a missing database. */
    public String url(boolean mustExist) {
      return "jdbc:h2:file:"
          + directory.toAbsolutePath().resolve("aml")
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
          // Each commit reaches the file before it returns: an acknowledged transaction must
          // survive the process being killed (the default delays writes by up to 500 ms).
          + ";WRITE_DELAY=0"
          + (mustExist ? ";IFEXISTS=TRUE" : "");
    }

    @Override
    public String describe() {
      return "embedded H2 database " + file();
    }
  }
}

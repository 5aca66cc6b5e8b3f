package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.jdbc.InsertMethod;
import io.amlmonitor.jdbc.JdbcTransactionRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Batch insert rate of generated transactions into the SQL system of record, per database and
 * insert method: new rows, the same rows again (all skipped as duplicates), and the event-time
 * ordered stream back.
 *
 * <p>Method: the transactions are generated first and kept in memory, so only the database work is
 * timed. Every round opens a fresh database (a new PostgreSQL schema, a new H2 file in a temporary
 * directory), saves the batches one after the other on one thread, saves them all again, streams
 * them back with {@code forEachSince}, and drops the database. One round per method warms the JIT
 * first and is not reported.
 *
 * <p>Usage: {@code java -cp "bench/target/benchmarks.jar:bench/target/lib/*"
 * io.amlmonitor.bench.SqlInsertRate [transactions=100000] [batch=10000] [rounds=3]
 * [targets=postgres,embedded]}. PostgreSQL is {@code POSTGRES_HOST}:{@code POSTGRES_PORT}, database
 * {@code POSTGRES_DB}, user {@code POSTGRES_USER} (default 127.0.0.1:5432, test, postgres).
 */
public final class SqlInsertRate {
  /**
   * Flyway logs every migration through java.util.logging here (bench has no SLF4J binding); held
   * in a field because java.util.logging forgets the level of a logger nothing references.
   */
  private static final java.util.logging.Logger FLYWAY_LOG =
      java.util.logging.Logger.getLogger("org.flywaydb");

  private SqlInsertRate() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<String> targets =
        Arrays.asList((args.length > 3 ? args[3] : "postgres,embedded").split(","));

    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    List<Transaction> all = generate(n);
    System.out.printf(
        Locale.ROOT, "transactions=%,d batch=%,d rounds=%d%n", all.size(), batch, rounds);
    for (String target : targets) {
      List<InsertMethod> methods =
          target.equals("postgres")
              ? List.of(InsertMethod.COPY, InsertMethod.MULTI_ROW_VALUES, InsertMethod.JDBC_BATCH)
              : List.of(InsertMethod.JDBC_BATCH);
      for (InsertMethod method : methods) {
        round(target, method, all, batch, false);
        for (int r = 0; r < rounds; r++) {
          round(target, method, all, batch, true);
        }
      }
    }
  }

  private static List<Transaction> generate(int n) {
    GeneratorConfig config = GeneratorConfig.of(20_000, 1_000, 30, 42);
    try (Stream<LabelledTransaction> s = Generator.create(config).transactions()) {
      List<Transaction> all = new ArrayList<>(n);
      s.limit(n).forEach(t -> all.add(t.transaction()));
      if (all.size() < n) {
        throw new IllegalStateException("the generator gave only " + all.size());
      }
      return all;
    }
  }

  private static void round(
      String target, InsertMethod method, List<Transaction> all, int batch, boolean report)
      throws Exception {
    Path dir = null;
    DatabaseConfig config;
    if (target.equals("postgres")) {
      config =
          new DatabaseConfig.Postgres(
              env("POSTGRES_HOST", "127.0.0.1"),
              Integer.parseInt(env("POSTGRES_PORT", "5432")),
              env("POSTGRES_DB", "test"),
              env("POSTGRES_USER", "postgres"),
              System.getenv("POSTGRES_PASSWORD"),
              "aml_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
              4);
    } else {
      Path parent = Files.createDirectories(Path.of(env("AML_BENCH_DIR", "target")));
      dir = Files.createTempDirectory(parent, "sql-bench-");
      config = new DatabaseConfig.Embedded(dir, 4);
    }
    try (Database db = Database.open(config)) {
      JdbcTransactionRepository repo = db.transactions(method);
      long t0 = System.nanoTime();
      long added = save(repo, all, batch);
      long t1 = System.nanoTime();
      long again = save(repo, all, batch);
      long t2 = System.nanoTime();
      long streamed = repo.forEachSince(Instant.EPOCH, t -> {});
      long t3 = System.nanoTime();
      if (added != all.size() || again != 0 || streamed != all.size()) {
        throw new IllegalStateException(
            "added " + added + ", again " + again + ", streamed " + streamed);
      }
      if (report) {
        System.out.printf(
            Locale.ROOT,
            "%-8s %-16s insert %,9.0f/s  duplicates %,9.0f/s  stream %,9.0f/s%n",
            target,
            method,
            rate(all.size(), t1 - t0),
            rate(all.size(), t2 - t1),
            rate(all.size(), t3 - t2));
      }
    } finally {
      if (config instanceof DatabaseConfig.Postgres pg) {
        drop(pg);
      } else {
        deleteTree(dir);
      }
    }
  }

  private static long save(JdbcTransactionRepository repo, List<Transaction> all, int batch) {
    long added = 0;
    for (int i = 0; i < all.size(); i += batch) {
      added += repo.saveAll(all.subList(i, Math.min(all.size(), i + batch)));
    }
    return added;
  }

  private static double rate(int rows, long nanos) {
    return rows / (nanos / 1e9);
  }

  private static void drop(DatabaseConfig.Postgres pg) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + pg.schema() + " CASCADE");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}

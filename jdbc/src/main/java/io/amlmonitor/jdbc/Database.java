package io.amlmonitor.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.cases.CaseRepository;
import io.amlmonitor.core.flow.AlertGenerationRepository;
import io.amlmonitor.core.flow.CustomerActivityRepository;
import io.amlmonitor.core.flow.FlowRunRepository;
import io.amlmonitor.core.flow.NotificationOutbox;
import io.amlmonitor.core.graph.NetworkFindingRepository;
import io.amlmonitor.core.report.ReportRepository;
import io.amlmonitor.core.store.CustomerRepository;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.core.store.MerchantRepository;
import io.amlmonitor.core.store.RuleSetRepository;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.TransactionRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The SQL system of record: a pool of connections to PostgreSQL or to the embedded H2 file, with
 * the schema migrated to this build's version, and the repositories over it. Thread-safe; close it
 * to close the pool.
 */
public final class Database implements AutoCloseable {
  /** The embedded database's one user; the file is protected by its directory's permissions. */
  static final String H2_USER = "aml";

  private final DatabaseConfig config;
  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String product;
  private final String productVersion;
  private final Sql sql;
  private final Migrations migrations;

  private Database(DatabaseConfig config, HikariDataSource pool) {
    this.config = config;
    this.pool = pool;
    SqlErrors errors = new SqlErrors(config.describe());
    try (Connection c = pool.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      this.dialect = Dialect.of(c);
      this.product = meta.getDatabaseProductName();
      this.productVersion = meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw errors.translate("connecting", e);
    }
    this.sql = new Sql(pool, errors);
    this.migrations = new Migrations(pool, config);
  }

  /**
   * Opens the pool and applies the pending migrations.
   *
   * @throws io.amlmonitor.core.store.StoreUnavailableException naming the database when it cannot
   *     be reached
   * @throws StoreException when a migration fails
   */
  public static Database open(DatabaseConfig config) {
    HikariDataSource pool = pool(config);
    try {
      Database db = new Database(config, pool);
      db.migrations.migrate();
      return db;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * Connects once, without migrating or creating anything (an embedded database must already
   * exist), and reports the server and the schema version.
   */
  public static DatabaseStatus inspect(DatabaseConfig config) {
    DataSource ds = plainDataSource(config);
    String product;
    String version;
    try (Connection c = ds.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
      version = c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new SqlErrors(config.describe()).translate("connecting", e);
    }
    return new Migrations(ds, config).status(product, version);
  }

  /**
   * Borrows a connection and checks that it answers.
   *
   * @throws io.amlmonitor.core.store.StoreUnavailableException naming the database when it does not
   */
  public void ping() {
    try (Connection c = pool.getConnection()) {
      if (!c.isValid(2)) {
        throw new SqlErrors(config.describe())
            .translate("checking the connection", new SQLException("no answer", "08006"));
      }
    } catch (SQLException e) {
      throw new SqlErrors(config.describe()).translate("checking the connection", e);
    }
  }

  /** The server and the schema version, read now. */
  public DatabaseStatus status() {
    return migrations.status(product, productVersion);
  }

  public DatabaseConfig config() {
    return config;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The pool, for tools that need plain JDBC (exports, benchmarks). */
  public DataSource dataSource() {
    return pool;
  }

  /** Transactions, written the fastest measured way for this database. */
  public TransactionRepository transactions() {
    return transactions(
        dialect == Dialect.POSTGRESQL ? InsertMethod.COPY : InsertMethod.JDBC_BATCH);
  }

  /** Transactions written with {@code method}; only JDBC_BATCH works on both databases. */
  public JdbcTransactionRepository transactions(InsertMethod method) {
    JdbcTransactionRepository.checkMethod(method, dialect);
    return new JdbcTransactionRepository(sql, method);
  }

  public DecisionRepository decisions() {
    return new JdbcDecisionRepository(sql, dialect);
  }

  public NetworkFindingRepository networkFindings() {
    return new JdbcNetworkFindingRepository(sql);
  }

  public AlertRepository alerts() {
    return new JdbcAlertRepository(sql);
  }

  public FlowRunRepository flowRuns() {
    return new JdbcFlowRunRepository(sql);
  }

  public AlertGenerationRepository alertGeneration() {
    return new JdbcAlertGenerationRepository(sql);
  }

  public CustomerActivityRepository customerActivity() {
    return new JdbcCustomerActivityRepository(sql);
  }

  public RuleSetRepository ruleSets() {
    return new JdbcRuleSetRepository(sql);
  }

  public NotificationOutbox notifications() {
    return new JdbcNotificationOutbox(sql);
  }

  public CustomerRepository customers() {
    return new JdbcCustomerRepository(sql, dialect);
  }

  public MerchantRepository merchants() {
    return new JdbcMerchantRepository(sql, dialect);
  }

  public CaseRepository cases() {
    return new JdbcCaseRepository(sql);
  }

  /** The counts {@code aml report} needs, aggregated by the database. */
  public ReportRepository reports() {
    return new JdbcReportRepository(sql);
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * Closes the database and, when it is the embedded file, rewrites the file with only its live
   * pages ({@code SHUTDOWN COMPACT}). H2 writes each commit's changed pages to new places in the
   * file and reclaims the old ones only a little at a time, so a bulk load of transactions or
   * decisions leaves the file many times the size of its data (825,780 imported transactions: 1.85
   * GB, 91 MB compacted; docs/storage.md); closing compacts for 200 ms only. Takes about as long as
   * reading the data once. Nothing else in this process may use the file meanwhile: call it as the
   * last use of the database.
   *
   * @return what the compaction did; empty for PostgreSQL, which is only closed (its own vacuum
   *     reclaims space)
   * @throws StoreException when the file cannot be compacted; the database is closed all the same
   */
  public Optional<Compaction> compactAndClose() {
    pool.close();
    if (!(config instanceof DatabaseConfig.Embedded h2)) {
      return Optional.empty();
    }
    long started = System.nanoTime();
    long before = size(h2.file());
    try (Connection c = DriverManager.getConnection(h2.url(true), H2_USER, "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    } catch (SQLException e) {
      throw new SqlErrors(config.describe()).translate("compacting", e);
    }
    return Optional.of(
        new Compaction(before, size(h2.file()), Duration.ofNanos(System.nanoTime() - started)));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new StoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  private static HikariDataSource pool(DatabaseConfig config) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("aml-sql");
    hc.setMaximumPoolSize(config.poolSize());
    hc.setConnectionTimeout(5_000);
    // Fail at once when the first connection cannot be made: start-up reports it, naming the host.
    hc.setInitializationFailTimeout(1);
    // The driver is named rather than looked up: java.sql.DriverManager only hands out drivers its
    // caller's class loader can see, and a Flink task manager loads the job jar in a child-first
    // loader of its own, where the lookup finds no driver for the URL.
    if (config instanceof DatabaseConfig.Postgres pg) {
      hc.setDriverClassName(org.postgresql.Driver.class.getName());
      hc.setJdbcUrl(pg.url());
      hc.setUsername(pg.user());
      hc.setPassword(pg.password());
      hc.addDataSourceProperty("currentSchema", pg.schema());
      hc.addDataSourceProperty("ApplicationName", "aml");
    } else {
      DatabaseConfig.Embedded h2 = (DatabaseConfig.Embedded) config;
      try {
        Files.createDirectories(h2.directory());
      } catch (IOException e) {
        throw new StoreException("cannot create " + h2.directory() + ": " + e.getMessage(), e);
      }
      hc.setDriverClassName(org.h2.Driver.class.getName());
      hc.setJdbcUrl(h2.url(false));
      hc.setUsername(H2_USER);
      hc.setPassword("");
    }
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      SQLException cause = sqlCause(e);
      if (cause != null) {
        throw new SqlErrors(config.describe()).translate("connecting", cause);
      }
      throw new StoreException("cannot open " + config.describe() + ": " + e.getMessage(), e);
    }
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  private static DataSource plainDataSource(DatabaseConfig config) {
    if (config instanceof DatabaseConfig.Postgres pg) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(pg.url());
      ds.setUser(pg.user());
      ds.setPassword(pg.password());
      ds.setCurrentSchema(pg.schema());
      ds.setApplicationName("aml db-check");
      return ds;
    }
    DatabaseConfig.Embedded h2 = (DatabaseConfig.Embedded) config;
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(h2.url(true));
    ds.setUser(H2_USER);
    ds.setPassword("");
    return ds;
  }
}

package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.FlowSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aml flows} killed with SIGKILL in the middle of transaction_monitoring, on PostgreSQL: the
 * next run resumes from the checkpoint, and in the end every transaction has exactly one decision
 * and every decision at or above the threshold exactly one alert.
 */
class FlowsCrashIT {
  private static final String SCHEMA = "flows_crash_it";
  private static final GeneratorConfig CONFIG = GeneratorConfig.of(3_000, 200, 10, 11);
  private static final Map<String, String> PG =
      Map.of(
          "POSTGRES_HOST", "127.0.0.1",
          "POSTGRES_PORT", "5432",
          "POSTGRES_DB", "test",
          "POSTGRES_USER", "postgres",
          "POSTGRES_SCHEMA", SCHEMA);

  @TempDir Path dir;

  @BeforeEach
  void freshSchema() throws Exception {
    TestServices.requirePostgres();
    TestServices.dropSchema(SCHEMA);
  }

  @AfterEach
  void dropSchema() throws Exception {
    TestServices.dropSchema(SCHEMA);
  }

  private static Map<String, String> flags() {
    Map<String, String> m = new HashMap<>(PG);
    m.put("ALERT_THRESHOLD", "0.4");
    m.put("ALERT_SUPPRESSION", "0");
    m.put("FLOW_LOOKBACK_DAYS", "10");
    m.put("FLOW_BATCH_SIZE", "200");
    m.put("FLOW_WORKERS", "2");
    return m;
  }

  @Test
  void aKilledRunResumesAndLeavesOneDecisionPerTransactionAndOneAlertPerCandidate()
      throws Exception {
    Generator generator = Generator.create(CONFIG);
    List<Transaction> all = generator.transactions().map(LabelledTransaction::transaction).toList();
    Settings settings = Settings.resolve(new ConfigSources(flags(), Map.of(), Map.of()));
    try (Database db = Database.open(SqlStores.config(settings))) {
      db.customers().upsertAll(generator.customers());
      for (int i = 0; i < all.size(); i += 10_000) {
        db.transactions()
            .saveAll(new ArrayList<>(all.subList(i, Math.min(all.size(), i + 10_000))));
      }
    }
    Instant end = CONFIG.end();
    long inPeriod =
        all.stream().filter(t -> !t.timestamp().isBefore(end.minus(Duration.ofDays(10)))).count();

    long processedAtKill = runAndKill(end);
    assertThat(processedAtKill).isPositive().isLessThan(inPeriod);
    assertThat(count("SELECT count(*) FROM decisions")).isLessThan(inPeriod);
    assertThat(count("SELECT count(*) FROM flow_runs WHERE status = 'RUNNING'")).isEqualTo(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConfigSources sources = new ConfigSources(flags(), Map.of(), Map.of());
    int code =
        new FlowRunner(
                Settings.resolve(sources),
                FlowSettings.resolve(sources),
                InstantSource.system(),
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .run(List.of(FlowName.TRANSACTION_MONITORING, FlowName.ALERT_GENERATION), end, false);
    String text = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as(text).isZero();
    assertThat(text).contains("resumed an unfinished run");
    assertThat(count("SELECT count(*) FROM decisions")).isEqualTo(inPeriod);
    assertThat(
            count(
                "SELECT count(*) FROM transactions t WHERE NOT EXISTS (SELECT 1 FROM decisions d"
                    + " WHERE d.transaction_id = t.transaction_id) AND t.event_time >= '"
                    + end.minus(Duration.ofDays(10))
                    + "'"))
        .isZero();
    assertThat(count("SELECT count(*) FROM alerts"))
        .isPositive()
        .isEqualTo(count("SELECT count(*) FROM decisions WHERE risk_score >= 0.4"));
    assertThat(count("SELECT count(*) FROM flow_runs WHERE status <> 'COMPLETED'")).isZero();
  }

  /** Starts the flow in its own process and kills it once a few batches are stored. */
  private long runAndKill(Instant end) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "flows",
            "--flow",
            "transaction_monitoring",
            "--as-of",
            end.toString(),
            "--data-dir",
            dir.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("flows.out").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("POSTGRES_") || k.startsWith("FLOW_"));
    pb.environment().putAll(flags());
    pb.environment().put("AML_LOG_DIR", dir.resolve("logs").toString());
    Process p = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && p.isAlive()) {
        long processed = processed();
        if (processed >= 2_000) {
          p.destroyForcibly().waitFor();
          return processed();
        }
        Thread.sleep(5);
      }
      throw new AssertionError(
          "the flow ended before it could be killed:\n"
              + java.nio.file.Files.readString(dir.resolve("flows.out")));
    } finally {
      p.destroyForcibly();
    }
  }

  private static long processed() throws Exception {
    try {
      return count("SELECT coalesce(max(processed), 0) FROM flow_runs");
    } catch (java.sql.SQLException e) {
      return 0; // the table is not there until the flow has migrated the schema
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(TestServices.PG_URL, "postgres", null);
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + SCHEMA);
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

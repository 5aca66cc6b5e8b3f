package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.generator.csv.CsvRecord;
import io.amlmonitor.generator.csv.CsvRecordReader;
import io.amlmonitor.jdbc.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aml import} and {@code aml export} against a real store: run on the embedded file and on
 * PostgreSQL. Each test starts from empty tables.
 */
abstract class ImportExportContract {
  static final String AMLSIM_MAPPING =
      "sourceNodeId=customer_id,targetNodeId=counterparty_id,value=amount,time=timestamp";
  static final TimeScale AMLSIM_TIME =
      new TimeScale(TimeScale.Unit.DAY, Instant.parse("2017-01-01T00:00:00Z"));
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;

  /** Settings naming the store under test. */
  abstract Map<String, String> store();

  Settings settings() {
    Map<String, String> values = new HashMap<>(store());
    values.putIfAbsent("AML_DATA_DIR", dir.resolve("data").toString());
    return StoreCheckTest.settings(values);
  }

  Database open() {
    return Database.open(SqlStores.config(settings()));
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Database db = open();
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM alert_rules");
      s.executeUpdate("DELETE FROM alerts");
      // TRUNCATE: deleting a whole AMLSim sample row by row takes H2 seconds.
      s.executeUpdate("TRUNCATE TABLE decisions");
      s.executeUpdate("TRUNCATE TABLE transactions");
    }
  }

  @Test
  void loadsTheAmlSimSampleThroughAMappingWithDayStepsFromAnEpoch() {
    Optional<Path> sample = AmlSimSamples.transactions("20K_cycle200");
    assumeThat(sample)
        .as("the AMLSim samples (../" + AmlSimSamples.FOLDER + ") are not in this checkout")
        .isPresent();

    Captured run = new Captured();
    TransactionImport.Summary s =
        run.importer(settings()).load(request(sample.get(), AMLSIM_MAPPING, AMLSIM_TIME));

    assertThat(s.read()).isEqualTo(117_805);
    assertThat(s.loaded()).isEqualTo(117_805);
    assertThat(s.rejected()).isZero();
    assertThat(run.out()).contains("117,805 loaded (new), 0 already present, 0 rejected");
    try (Database db = open()) {
      assertThat(db.transactions().count()).isEqualTo(117_805);
      // The file's first row: 280,15349,147.8,1 (day 1 after the epoch).
      List<Transaction> dayOne = new ArrayList<>();
      db.transactions()
          .forEachIn(
              new TimeRange(Instant.parse("2017-01-02T00:00:00Z"), null),
              t -> {
                if (dayOne.isEmpty() || t.customerId().value().equals("280")) {
                  dayOne.add(t);
                }
              });
      assertThat(dayOne)
          .anySatisfy(
              t -> {
                assertThat(t.timestamp()).isEqualTo(Instant.parse("2017-01-02T00:00:00Z"));
                assertThat(t.customerId().value()).isEqualTo("280");
                assertThat(t.counterpartyId().value()).isEqualTo("15349");
                assertThat(t.amount()).isEqualTo(Money.parse("147.80"));
                assertThat(t.id().value()).startsWith(DerivedIds.PREFIX);
              });
    }
  }

  @Test
  void importingTheSameFileTwiceAddsNothing() throws IOException {
    Path file =
        write(
            "twice.csv",
            "sourceNodeId,targetNodeId,value,time",
            "1,2,10.00,0",
            "1,2,10.00,0",
            "2,3,99.5,1",
            "3,1,5,2");

    TransactionImport.Summary first = new Captured().importer(settings()).load(amlsim(file));
    TransactionImport.Summary again = new Captured().importer(settings()).load(amlsim(file));

    assertThat(first.loaded()).as("identical rows on two lines are two transfers").isEqualTo(4);
    assertThat(again.loaded()).isZero();
    assertThat(again.present()).isEqualTo(4);
    try (Database db = open()) {
      assertThat(db.transactions().count()).isEqualTo(4);
    }
  }

  @Test
  void badRowsAreRejectedWithTheirLineAndReasonWhileTheGoodRowsLoad() throws IOException {
    Path file =
        write(
            "mixed.csv",
            "sourceNodeId,targetNodeId,value,time",
            "1,2,10.00,0",
            "1,2,abc,0",
            "1,2,-5,0",
            ",2,7,0",
            "1,2,7,yesterday",
            "1,2,7",
            "4,5,8.25,3",
            "1,\"2,7,0");
    Path rejects = dir.resolve("out").resolve("mixed-rejects.csv");
    Captured run = new Captured();

    TransactionImport.Summary s =
        run.importer(settings())
            .load(
                new TransactionImport.Request(
                    file, FileFormat.CSV, AMLSIM_MAPPING, AMLSIM_TIME, rejects, 3));

    assertThat(s.read()).isEqualTo(8);
    assertThat(s.loaded()).isEqualTo(2);
    assertThat(s.rejected()).isEqualTo(6);
    assertThat(run.out())
        .contains("line 3: amount: 'abc' is not a number")
        .contains("line 4: amount: must not be negative, was -5")
        .contains("line 5: customer_id: is required")
        .contains("line 6: timestamp: 'yesterday' is neither a number of day since")
        .contains("line 7: has 3 fields; the header has 4")
        .contains("line 9: field 2 opens a quote that is never closed")
        .contains("Every rejected row, with its line and reason: " + rejects);
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).first().isEqualTo("line,reason,record");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(1)).isEqualTo("3,\"amount: 'abc' is not a number\",\"1,2,abc,0\"");
    try (Database db = open()) {
      assertThat(db.transactions().count()).isEqualTo(2);
    }
  }

  @Test
  void anUnknownMappingColumnIsRefusedBeforeAnythingLoads() throws IOException {
    Path file = write("refused.csv", "sourceNodeId,targetNodeId,value,time", "1,2,10.00,0");
    Captured run = new Captured();

    int code =
        run.importer(settings())
            .run(
                request(
                    file,
                    "sourceNodeId=customer_id,targetNodeId=counterparty_id,amount=amount,"
                        + "time=timestamp",
                    AMLSIM_TIME));

    assertThat(code).isEqualTo(2);
    assertThat(run.err())
        .contains("--mapping=")
        .contains("refused.csv has no column 'amount'; its columns are sourceNodeId, targetNodeId");
    assertThat(run.out()).isEmpty();
    try (Database db = open()) {
      assertThat(db.transactions().count()).isZero();
    }
  }

  @Test
  void aParquetFileLoadsTheSameTransactionsAsTheCsvItWasMadeFrom() throws Exception {
    Path csv =
        write(
            "rows.csv",
            "sourceNodeId,targetNodeId,value,time",
            "7,8,100.10,0",
            "8,9,200,1",
            "9,7,300.5,2");
    Path parquet = dir.resolve("rows.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('"
              + csv
              + "', header = true)) TO '"
              + parquet
              + "' (FORMAT parquet)");
    }

    TransactionImport.Summary fromParquet =
        new Captured()
            .importer(settings())
            .load(
                new TransactionImport.Request(
                    parquet, FileFormat.PARQUET, AMLSIM_MAPPING, AMLSIM_TIME, null, 10_000));
    TransactionImport.Summary fromCsv = new Captured().importer(settings()).load(amlsim(csv));

    assertThat(fromParquet.loaded()).isEqualTo(3);
    assertThat(fromCsv.loaded()).isZero();
    assertThat(fromCsv.present()).isEqualTo(3);
  }

  @Test
  void exportsAlertsTransactionsAndDecisionsToCsvAndParquetWithTheirColumns() throws Exception {
    seed();

    for (FileFormat format : FileFormat.values()) {
      for (ExportTable table : ExportTable.values()) {
        Path out = dir.resolve(table.label() + "." + format.label());
        TableExport.Summary s = export(table, format, out, TimeRange.ALL);
        List<String> columns = table.columns().stream().map(c -> c.name()).toList();

        assertThat(s.rows())
            .as(table + " " + format)
            .isEqualTo(table == ExportTable.ALERTS ? 2 : 3);
        if (format == FileFormat.CSV) {
          CsvFile file = readCsv(out);
          assertThat(file.header()).isEqualTo(columns);
          assertThat(file.rows()).hasSize((int) s.rows());
        } else {
          assertThat(parquetColumns(out)).isEqualTo(columns);
          assertThat(parquetCount(out)).isEqualTo(s.rows());
        }
      }
    }
    assertThat(readCsv(dir.resolve("alerts.csv")).header())
        .startsWith("alert_id", "transaction_id", "customer_id")
        .contains("created_at", "risk_score", "risk_level", "rules");
    assertThat(readCsv(dir.resolve("decisions.csv")).header())
        .containsExactly(
            "transaction_id",
            "created_at",
            "risk_score",
            "risk_level",
            "rules_fired",
            "rule_set_version",
            "model_version",
            "features",
            "reasons");
  }

  @Test
  void exportedValuesAreQuotedJsonForListsAndUtcForTimes() throws Exception {
    seed();
    Path alerts = dir.resolve("alerts.csv");
    Path decisions = dir.resolve("decisions.parquet");

    export(ExportTable.ALERTS, FileFormat.CSV, alerts, TimeRange.ALL);
    export(ExportTable.DECISIONS, FileFormat.PARQUET, decisions, TimeRange.ALL);

    List<String> first = readCsv(alerts).rows().get(0);
    assertThat(first.get(0)).isEqualTo("A1");
    assertThat(first.get(4)).isEqualTo("15000.00");
    assertThat(first.get(6)).isEqualTo("2026-03-01T10:00:01Z");
    assertThat(first.get(7)).isEqualTo("0.8");
    assertThat(first.get(8)).isEqualTo("HIGH");
    assertThat(first.get(9)).isEqualTo("[\"large_amount\",\"night\"]");
    assertThat(first.get(10)).isEqualTo("[\"Amount, \\\"large\\\"\"]");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT transaction_id, epoch_ms(created_at), risk_score, rules_fired, features"
                    + " FROM '"
                    + decisions
                    + "' ORDER BY transaction_id LIMIT 1")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("T1");
      assertThat(rs.getLong(2)).isEqualTo(T0.plusSeconds(1).toEpochMilli());
      assertThat(rs.getDouble(3)).isEqualTo(0.8);
      assertThat(rs.getString(4)).isEqualTo("[\"large_amount\"]");
      assertThat(rs.getString(5)).isEqualTo("{\"txn_count_60s\":3,\"txn_amount_sum_60s\":0.5}");
    }
  }

  @Test
  void sinceAndUntilSelectOnTheTablesOwnTime() throws Exception {
    seed();

    TableExport.Summary transactions =
        export(
            ExportTable.TRANSACTIONS,
            FileFormat.CSV,
            dir.resolve("t.csv"),
            new TimeRange(T0.plusSeconds(60), T0.plusSeconds(120)));
    TableExport.Summary alerts =
        export(
            ExportTable.ALERTS,
            FileFormat.PARQUET,
            dir.resolve("a.parquet"),
            new TimeRange(null, T0.plusSeconds(2)));

    assertThat(transactions.rows()).isEqualTo(1);
    assertThat(readCsv(dir.resolve("t.csv")).rows().get(0).get(0)).isEqualTo("T2");
    assertThat(alerts.rows()).isEqualTo(1);
  }

  @Test
  void anExportedTransactionsFileImportsBackWithoutAMapping() throws Exception {
    seed();

    for (FileFormat format : FileFormat.values()) {
      Path out = dir.resolve("transactions." + format.label());
      export(ExportTable.TRANSACTIONS, format, out, TimeRange.ALL);
      TransactionImport.Summary s =
          new Captured()
              .importer(settings())
              .load(new TransactionImport.Request(out, format, null, TimeScale.DEFAULT, null, 100));

      assertThat(s.read()).as(format.label()).isEqualTo(3);
      assertThat(s.present()).as(format.label()).isEqualTo(3);
      assertThat(s.rejected()).as(format.label()).isZero();
    }
  }

  private TableExport.Summary export(ExportTable table, FileFormat format, Path out, TimeRange r) {
    Captured run = new Captured();
    return new TableExport(settings(), run.outStream, run.errStream)
        .export(SqlStores.config(settings()), new TableExport.Request(table, format, out, r));
  }

  /** Three transactions a minute apart, a decision on each, alerts on the first and the last. */
  private void seed() {
    try (Database db = open()) {
      List<Transaction> transactions = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        transactions.add(
            Transaction.builder()
                .id("T" + i)
                .timestamp(T0.plusSeconds(60L * (i - 1)))
                .customer("C" + i)
                .merchant(i == 2 ? null : "M1")
                .counterparty(i == 2 ? "C9" : null)
                .amount(Money.of(15_000))
                .currency("BRL")
                .channel(i == 2 ? Channel.PIX : Channel.CARD)
                .ipAddress(i == 1 ? "10.0.0.1" : null)
                .country("BR")
                .build());
      }
      db.transactions().saveAll(transactions);
      Map<String, Number> features = new LinkedHashMap<>();
      features.put("txn_count_60s", 3L);
      features.put("txn_amount_sum_60s", 0.5);
      List<DecisionRecord> decisions = new ArrayList<>();
      for (Transaction t : transactions) {
        int i = Integer.parseInt(t.id().value().substring(1));
        decisions.add(
            new DecisionRecord(
                t.id(),
                t.timestamp().plusSeconds(1),
                i == 2 ? 0.1 : 0.8,
                i == 2 ? RiskLevel.LOW : RiskLevel.HIGH,
                i == 2 ? List.of() : List.of("large_amount"),
                "rules-v1",
                null,
                features));
      }
      db.decisions().saveAll(decisions);
      db.alerts().save(alert("A1", "T1", T0.plusSeconds(1), "large_amount", "night"));
      db.alerts().save(alert("A3", "T3", T0.plusSeconds(121), "large_amount"));
    }
  }

  private static Alert alert(String id, String txn, Instant createdAt, String... rules) {
    return new Alert(
        id,
        TransactionId.of(txn),
        CustomerId.of("C" + txn.substring(1)),
        "M1",
        Money.of(15_000),
        createdAt.minusSeconds(1),
        createdAt,
        0.8,
        RiskLevel.HIGH,
        List.of(rules),
        List.of("Amount, \"large\""),
        "rules-v1");
  }

  private static TransactionImport.Request request(Path file, String mapping, TimeScale time) {
    return new TransactionImport.Request(file, FileFormat.CSV, mapping, time, null, 10_000);
  }

  private static TransactionImport.Request amlsim(Path file) {
    return request(file, AMLSIM_MAPPING, AMLSIM_TIME);
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  record CsvFile(List<String> header, List<List<String>> rows) {}

  static CsvFile readCsv(Path file) throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader(Files.readString(file)));
    List<String> header = reader.readHeader();
    List<List<String>> rows = new ArrayList<>();
    for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
      rows.add(r.fields());
    }
    return new CsvFile(header, rows);
  }

  static List<String> parquetColumns(Path file) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM '" + file + "'")) {
      while (rs.next()) {
        columns.add(rs.getString("column_name"));
      }
    }
    return columns;
  }

  static long parquetCount(Path file) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM '" + file + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Standard output and error of one run, as text. */
  static final class Captured {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream outStream = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream errStream = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    TransactionImport importer(Settings settings) {
      return new TransactionImport(settings, outStream, errStream);
    }

    String out() {
      return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }
}

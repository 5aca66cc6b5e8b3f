package io.amlmonitor.app;

import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.DECIMAL;
import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.DOUBLE;
import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.TEXT;
import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.TIMESTAMP;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.JsonText;
import io.amlmonitor.offline.ParquetTableWriter.Column;
import io.amlmonitor.offline.ParquetTableWriter.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What {@code aml export} can write, each with its columns and the time that {@code --since} and
 * {@code --until} select on. Lists (rules, reasons) are JSON arrays and feature values a JSON
 * object, the very text the database holds; times are UTC instants; amounts exact decimals.
 */
enum ExportTable {
  /** Every column of a transaction, named as {@code aml import} reads them; by event time. */
  TRANSACTIONS(
      "event time",
      columns(
          "transaction_id",
          TEXT,
          "timestamp",
          TIMESTAMP,
          "customer_id",
          TEXT,
          "merchant_id",
          TEXT,
          "counterparty_id",
          TEXT,
          "amount",
          DECIMAL,
          "currency",
          TEXT,
          "channel",
          TEXT,
          "ip_address",
          TEXT,
          "device_id",
          TEXT,
          "country",
          TEXT,
          "counterparty_country",
          TEXT)),
  /** Every column of an alert, in the order raised; by {@code created_at}. */
  ALERTS(
      "created_at",
      columns(
          "alert_id",
          TEXT,
          "transaction_id",
          TEXT,
          "customer_id",
          TEXT,
          "receiver_id",
          TEXT,
          "amount",
          DECIMAL,
          "transaction_time",
          TIMESTAMP,
          "created_at",
          TIMESTAMP,
          "risk_score",
          DOUBLE,
          "risk_level",
          TEXT,
          "rules",
          TEXT,
          "reasons",
          TEXT,
          "rule_set_version",
          TEXT)),
  /** Every column of a decision, features included; by {@code created_at}. */
  DECISIONS(
      "created_at",
      columns(
          "transaction_id",
          TEXT,
          "created_at",
          TIMESTAMP,
          "risk_score",
          DOUBLE,
          "risk_level",
          TEXT,
          "rules_fired",
          TEXT,
          "rule_set_version",
          TEXT,
          "model_version",
          TEXT,
          "features",
          TEXT,
          "reasons",
          TEXT));

  private final String selectedBy;
  private final List<Column> columns;

  ExportTable(String selectedBy, List<Column> columns) {
    this.selectedBy = selectedBy;
    this.columns = columns;
  }

  /** {@code alerts}, {@code transactions} or {@code decisions}. */
  static ExportTable parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("TABLE", text, "must be alerts, transactions or decisions");
    }
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The time {@code --since} and {@code --until} select on, for messages. */
  String selectedBy() {
    return selectedBy;
  }

  List<Column> columns() {
    return columns;
  }

  /**
   * Streams the rows in {@code range} from {@code db}, one value per column.
   *
   * @return how many rows were passed on
   */
  long forEachRow(Database db, TimeRange range, Consumer<Object[]> rows) {
    return switch (this) {
      case TRANSACTIONS -> db.transactions().forEachIn(range, t -> rows.accept(row(t)));
      case ALERTS -> db.alerts().forEachCreatedIn(range, a -> rows.accept(row(a)));
      case DECISIONS -> db.decisions().forEachCreatedIn(range, d -> rows.accept(row(d)));
    };
  }

  private static Object[] row(Transaction t) {
    return new Object[] {
      t.id().value(),
      t.timestamp(),
      t.customerId().value(),
      t.merchantId() == null ? null : t.merchantId().value(),
      t.counterpartyId() == null ? null : t.counterpartyId().value(),
      t.amount().toBigDecimal(),
      t.currency(),
      t.channel() == null ? null : t.channel().wireName(),
      t.ipAddress(),
      t.deviceId(),
      t.country(),
      t.counterpartyCountry()
    };
  }

  private static Object[] row(Alert a) {
    return new Object[] {
      a.alertId(),
      a.transactionId().value(),
      a.customerId().value(),
      a.receiverId(),
      a.amount() == null ? null : a.amount().toBigDecimal(),
      a.transactionTime(),
      a.createdAt(),
      a.riskScore(),
      a.riskLevel().name(),
      JsonText.strings(a.rules()),
      JsonText.strings(a.reasons()),
      a.ruleSetVersion()
    };
  }

  private static Object[] row(DecisionRecord d) {
    return new Object[] {
      d.transactionId().value(),
      d.createdAt(),
      d.riskScore(),
      d.riskLevel().name(),
      JsonText.strings(d.rulesFired()),
      d.ruleSetVersion(),
      d.modelVersion(),
      JsonText.features(d.features()),
      JsonText.strings(d.reasons())
    };
  }

  /** Columns from alternating names and types. */
  private static List<Column> columns(Object... namesAndTypes) {
    List<Column> columns = new ArrayList<>(namesAndTypes.length / 2);
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.add(new Column((String) namesAndTypes[i], (ColumnType) namesAndTypes[i + 1]));
    }
    return List.copyOf(columns);
  }
}

package io.amlmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the migrations must leave in every database. */
abstract class SchemaContract {
  static final List<String> TABLES =
      List.of(
          "customers",
          "customer_risk_ratings",
          "merchants",
          "transactions",
          "decisions",
          "alerts",
          "alert_rules",
          "cases",
          "case_alerts",
          "case_events",
          "rule_set_versions",
          "model_versions",
          "flow_runs",
          "suppressed_alerts",
          "alert_notifications",
          "network_findings");

  abstract Database database();

  /** The product name the database reports. */
  abstract String product();

  @Test
  void theSchemaIsAtThisBuildsLatestVersionWithNothingPending() {
    DatabaseStatus status = database().status();

    assertThat(status.product()).isEqualTo(product());
    assertThat(status.productVersion()).isNotBlank();
    assertThat(status.schemaVersion()).isEqualTo("7").isEqualTo(status.latestVersion());
    assertThat(status.pending()).isEmpty();
    assertThat(status.upToDate()).isTrue();
    assertThat(Database.inspect(database().config())).isEqualTo(status);
  }

  @Test
  void everyTableExists() throws SQLException {
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          assertThat(rs.next()).as(table).isTrue();
        }
      }
    }
  }

  @Test
  void openingAgainAppliesNothingAndKeepsTheData() throws SQLException {
    String caseId = newCase();
    try (Database again = Database.open(database().config())) {
      assertThat(again.status()).isEqualTo(database().status());
      assertThat(events(again, caseId)).isEqualTo(1);
    }
  }

  @Test
  void caseEventsCanBeAppendedButNeverChangedOrDeleted() throws SQLException {
    String caseId = newCase();
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO case_events (case_id, actor, occurred_at, from_status, to_status, reason)"
              + " VALUES ('"
              + caseId
              + "', 'ana', CURRENT_TIMESTAMP, 'OPEN', 'IN_REVIEW', 'looking')");

      assertThatThrownBy(() -> s.executeUpdate("UPDATE case_events SET actor = 'mallory'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("P0001"));
      assertThatThrownBy(
              () -> s.executeUpdate("DELETE FROM case_events WHERE case_id = '" + caseId + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(events(database(), caseId)).isEqualTo(2);
  }

  @Test
  void theDatabaseItselfKeepsOneOpenCasePerCustomer() throws SQLException {
    String customer = "C-" + UUID.randomUUID();
    String insert =
        "INSERT INTO cases (case_id, customer_id, status, opened_at, updated_at, closed_at)"
            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)";
    try (Connection c = database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setString(2, customer);
      ps.setString(1, customer + "-1");
      ps.setString(3, "IN_REVIEW");
      ps.setObject(4, null);
      ps.executeUpdate();
      ps.setString(1, customer + "-2");
      ps.setString(3, "OPEN");
      assertThatThrownBy(ps::executeUpdate)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
      ps.setString(3, "CLOSED_SAR");
      ps.setObject(4, OffsetDateTime.now());
      ps.executeUpdate();
      ps.setString(1, customer + "-3");
      ps.executeUpdate();
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            // closed_at with the status, as the repository writes them: a case closed without
            // it cannot be read back, and the case contract pages through every case
            "UPDATE cases SET status = 'CLOSED_FALSE_POSITIVE', closed_at = CURRENT_TIMESTAMP"
                + " WHERE case_id = '"
                + customer
                + "-1'");
      }
      ps.setString(1, customer + "-4");
      ps.setString(3, "OPEN");
      ps.setObject(4, null);
      assertThat(ps.executeUpdate()).as("closing the first frees the customer").isEqualTo(1);
    }
  }

  /** A new case with its opening event; returns its id. */
  String newCase() throws SQLException {
    String caseId = "CASE-" + UUID.randomUUID();
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO cases (case_id, customer_id, status, opened_at, updated_at) VALUES ('"
              + caseId
              + "', '"
              + caseId
              + "', 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO case_events (case_id, actor, occurred_at, to_status, reason) VALUES ('"
              + caseId
              + "', 'system', CURRENT_TIMESTAMP, 'OPEN', 'alert raised')");
    }
    return caseId;
  }

  static long events(Database db, String caseId) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM case_events WHERE case_id = ?")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

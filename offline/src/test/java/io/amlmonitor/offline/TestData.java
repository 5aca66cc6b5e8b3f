package io.amlmonitor.offline;

import static io.amlmonitor.core.feature.Aggregation.COUNT;
import static io.amlmonitor.core.feature.Aggregation.DAYS_SINCE_PREVIOUS;
import static io.amlmonitor.core.feature.Aggregation.DISTINCT_IPS;
import static io.amlmonitor.core.feature.Aggregation.MEAN;
import static io.amlmonitor.core.feature.Aggregation.SUM;

import io.amlmonitor.core.feature.Aggregation;
import io.amlmonitor.core.feature.EntityType;
import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/** Small registries, rows and a way to look at a file through DuckDB. */
final class TestData {
  static final Instant T0 = Instant.parse("2026-03-04T12:00:00.123Z");
  static final LabelColumn IS_LAUNDERING = new LabelColumn("is_laundering", LabelType.BOOLEAN);
  static final LabelColumn TYPOLOGY = new LabelColumn("typology", LabelType.STRING);

  private TestData() {}

  static FeatureDefinition feature(String name, Aggregation aggregation) {
    Duration window = aggregation == DAYS_SINCE_PREVIOUS ? Duration.ZERO : Duration.ofHours(1);
    return new FeatureDefinition(name, EntityType.CUSTOMER, window, aggregation, name);
  }

  /** Two INT and three DOUBLE features, interleaved. */
  static FeatureRegistry registry() {
    return new FeatureRegistry(
        List.of(
            feature("txn_count_1h", COUNT),
            feature("txn_amount_sum_1h", SUM),
            feature("unique_ips_1h", DISTINCT_IPS),
            feature("avg_txn_amount_1h", MEAN),
            feature("days_since_last_txn", DAYS_SINCE_PREVIOUS)));
  }

  /** {@code n} features, every third one INT as in the standard catalogue. */
  static FeatureRegistry wide(int n) {
    List<FeatureDefinition> features = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      features.add(feature(String.format("feature_%03d", i), i % 3 == 0 ? COUNT : SUM));
    }
    return new FeatureRegistry(features);
  }

  /** A valid row for {@link #registry()}. */
  static SnapshotRow row(String id, Instant at, Object... labels) {
    return new SnapshotRow(
        id, at, "C1", "M1", null, 12.5, new double[] {3, 37.5, 2, 12.5, 0.25}, labels);
  }

  /** Every row of {@code sql}, each as a list of JDBC objects. */
  static List<List<Object>> query(String sql) {
    try (DuckDBConnection c = DuckDb.open(null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement that returns no rows, such as {@code COPY}. */
  static void execute(String sql) {
    try (DuckDBConnection c = DuckDb.open(null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** {@code DESCRIBE} of a Parquet file: "name TYPE" per column, in file order. */
  static List<String> describe(Path file) {
    return query("DESCRIBE SELECT * FROM '" + file + "'").stream()
        .map(r -> r.get(0) + " " + r.get(1))
        .toList();
  }

  static long count(Path file) {
    return ((Number) query("SELECT count(*) FROM '" + file + "'").get(0).get(0)).longValue();
  }
}

package io.amlmonitor.offline;

import static io.amlmonitor.offline.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.feature.FeatureRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training sets by an ASOF join: each labelled event gets the customer's features from the latest
 * snapshot at or before it, never from the future.
 */
class PointInTimeJoinTest {
  private static final FeatureRegistry REGISTRY = TestData.registry();

  @TempDir Path dir;
  private OfflineStore store;
  private Path events;

  private static SnapshotRow snapshot(String id, String customer, int minute, double count) {
    return new SnapshotRow(
        id,
        T0.plusSeconds(60L * minute),
        customer,
        "M1",
        null,
        10,
        new double[] {count, count * 10, 1, 10, 0},
        null);
  }

  @BeforeEach
  void writeSnapshotsAndLabelledEvents() {
    store = new OfflineStore(dir.resolve("offline"));
    try (SnapshotWriter writer = store.writeSnapshots(REGISTRY, List.of())) {
      writer.write(snapshot("T1", "C1", 0, 1)); // 12:00
      writer.write(snapshot("T2", "C1", 10, 2)); // 12:10
      writer.write(snapshot("T3", "C2", 5, 7)); // 12:05
      writer.write(snapshot("T4", "C1", 20, 3)); // 12:20
    }
    // Labels as an analyst's dispositions arrive: later than the payments, in no useful order.
    events = dir.resolve("labels.parquet");
    TestData.execute(
        "COPY (SELECT * FROM (VALUES"
            + " ('C1', TIMESTAMPTZ '2026-03-04 12:15:00.123+00', true),"
            + " ('C2', TIMESTAMPTZ '2026-03-04 12:04:00.123+00', false),"
            + " ('C1', TIMESTAMPTZ '2026-03-04 12:10:00.123+00', false),"
            + " ('C1', TIMESTAMPTZ '2026-03-04 13:00:00.123+00', true))"
            + " t(customer_id, event_timestamp, is_laundering)) TO '"
            + events
            + "' (FORMAT parquet)");
  }

  @Test
  void asofJoinInSqlPicksTheLatestSnapshotAtOrBeforeEachEvent() {
    // The query docs/offline-store.md shows.
    List<List<Object>> rows =
        TestData.query(
            "SELECT l.customer_id, l.is_laundering, s.transaction_id, s.txn_count_1h"
                + " FROM '"
                + events
                + "' l ASOF LEFT JOIN '"
                + store.snapshots()
                + "' s ON l.customer_id = s.customer_id"
                + " AND l.event_timestamp >= s.event_timestamp"
                + " ORDER BY l.customer_id, l.event_timestamp");

    assertThat(rows)
        .containsExactly(
            Arrays.asList("C1", false, "T2", 2L), // 12:10 event sees the 12:10 snapshot
            Arrays.asList("C1", true, "T2", 2L), // 12:15 does not see 12:20
            Arrays.asList("C1", true, "T4", 3L),
            Arrays.asList("C2", false, null, null)); // 12:04 is before C2's first snapshot
  }

  @Test
  void pointInTimeWritesEventsInTheirOrderWithTheirFeatures() {
    Path training = dir.resolve("training.parquet");

    long rows = store.pointInTime(events, REGISTRY, training);

    assertThat(rows).isEqualTo(4);
    assertThat(TestData.describe(training))
        .containsExactly(
            "customer_id VARCHAR",
            "event_timestamp TIMESTAMP WITH TIME ZONE",
            "is_laundering BOOLEAN",
            "txn_count_1h BIGINT",
            "txn_amount_sum_1h DOUBLE",
            "unique_ips_1h BIGINT",
            "avg_txn_amount_1h DOUBLE",
            "days_since_last_txn DOUBLE");
    assertThat(
            TestData.query(
                "SELECT customer_id, is_laundering, txn_count_1h FROM '" + training + "'"))
        .containsExactly(
            Arrays.asList("C1", true, 2L),
            Arrays.asList("C2", false, null),
            Arrays.asList("C1", false, 2L),
            Arrays.asList("C1", true, 3L));
  }

  @Test
  void eventsWithoutACustomerColumnAreRejected() {
    Path bad = dir.resolve("bad.parquet");
    TestData.execute(
        "COPY (SELECT 'C1' AS account, TIMESTAMPTZ '2026-03-04 12:00:00+00' AS event_timestamp)"
            + " TO '"
            + bad
            + "' (FORMAT parquet)");

    assertThatThrownBy(() -> store.pointInTime(bad, REGISTRY, dir.resolve("out.parquet")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a VARCHAR column 'customer_id'");
    assertThat(dir.resolve("out.parquet")).doesNotExist();
  }
}

package io.amlmonitor.offline;

import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.DECIMAL;
import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.DOUBLE;
import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.TEXT;
import static io.amlmonitor.offline.ParquetTableWriter.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ParquetTableWriter} and {@link ParquetTextReader}: plain rows out and text back. */
class ParquetTablesTest {
  private static final List<ParquetTableWriter.Column> COLUMNS =
      List.of(
          new ParquetTableWriter.Column("id", TEXT),
          new ParquetTableWriter.Column("at", TIMESTAMP),
          new ParquetTableWriter.Column("amount", DECIMAL),
          new ParquetTableWriter.Column("score", DOUBLE));

  @TempDir Path dir;

  @Test
  void writesTheColumnsWithTheirTypesAndReadsEveryValueBackAsText() {
    Path file = dir.resolve("out.parquet");
    try (ParquetTableWriter writer = ParquetTableWriter.create(file, COLUMNS)) {
      writer.write(
          "a,\"1\"",
          Instant.parse("2026-03-01T10:15:30.123456789Z"),
          new BigDecimal("12.30"),
          0.45);
      writer.write("b", null, null, null);
    }

    assertThat(TestData.describe(file))
        .containsExactly(
            "id VARCHAR", "at TIMESTAMP WITH TIME ZONE", "amount DECIMAL(16,2)", "score DOUBLE");
    try (ParquetTextReader reader = ParquetTextReader.open(file)) {
      assertThat(reader.columns()).containsExactly("id", "at", "amount", "score");
      assertThat(reader.rowCount()).isEqualTo(2);
      assertThat(reader.next())
          .containsExactly("a,\"1\"", "2026-03-01T10:15:30.123456Z", "12.30", "0.45");
      assertThat(reader.rowNumber()).isEqualTo(1);
      assertThat(reader.next()).containsExactly("b", null, null, null);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void readsTimestampsWithoutAZoneAsUtcAndDatesAsIsoDates() {
    Path file = dir.resolve("foreign.parquet");
    TestData.execute(
        "COPY (SELECT TIMESTAMP '2017-01-02 03:04:05' AS t, DATE '2017-01-02' AS d,"
            + " 7::BIGINT AS step, 147.8::DOUBLE AS value) TO '"
            + file
            + "' (FORMAT parquet)");

    List<String[]> rows = new ArrayList<>();
    try (ParquetTextReader reader = ParquetTextReader.open(file)) {
      for (String[] row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
      }
    }

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsExactly("2017-01-02T03:04:05Z", "2017-01-02", "7", "147.8");
  }

  @Test
  void aFailedWriteLeavesNoFile() {
    Path file = dir.resolve("failed.parquet");
    ParquetTableWriter writer = ParquetTableWriter.create(file, COLUMNS);

    assertThatThrownBy(() -> writer.write("x", "not an instant", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column at takes a Instant, not String");
    writer.close();

    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> ParquetTextReader.open(dir.resolve("none.parquet")))
        .isInstanceOf(OfflineStoreException.class)
        .hasMessageContaining("none.parquet does not exist");
  }
}

package io.amlmonitor.offline;

import static io.amlmonitor.offline.TestData.IS_LAUNDERING;
import static io.amlmonitor.offline.TestData.T0;
import static io.amlmonitor.offline.TestData.TYPOLOGY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Transaction;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionParquetWriterTest {
  private static final List<LabelColumn> LABELS = List.of(IS_LAUNDERING, TYPOLOGY);

  @TempDir Path dir;

  private static final Transaction CARD =
      Transaction.builder()
          .id("T1")
          .timestamp(T0)
          .customer("C1")
          .merchant("M1")
          .amount("1234.56")
          .currency("brl")
          .channel(Channel.CARD)
          .ipAddress("10.0.0.1")
          .deviceId("D1")
          .country("BR")
          .counterpartyCountry("US")
          .build();

  private static final Transaction TRANSFER =
      Transaction.builder()
          .id("T2")
          .timestamp(T0.plusNanos(1_500_000)) // 1.5 ms: stored as 1 ms
          .customer("C1")
          .counterparty("C2")
          .amount("0.10")
          .build();

  private Path write(Transaction... transactions) {
    Path file = dir.resolve("transactions.parquet");
    try (TransactionParquetWriter writer = TransactionParquetWriter.create(file, LABELS)) {
      writer.write(transactions[0], new Object[] {true, "smurfing"});
      Arrays.stream(transactions).skip(1).forEach(t -> writer.write(t, new Object[2]));
    }
    return file;
  }

  @Test
  void columnsHaveTheSpecifiedOrderAndTypes() {
    Path file = write(CARD);

    assertThat(TestData.describe(file))
        .containsExactly(
            "transaction_id VARCHAR",
            "event_timestamp TIMESTAMP WITH TIME ZONE",
            "customer_id VARCHAR",
            "merchant_id VARCHAR",
            "counterparty_id VARCHAR",
            "amount DOUBLE",
            "amount_cents BIGINT",
            "currency VARCHAR",
            "channel VARCHAR",
            "ip_address VARCHAR",
            "device_id VARCHAR",
            "country VARCHAR",
            "counterparty_country VARCHAR",
            "is_laundering BOOLEAN",
            "typology VARCHAR");
  }

  @Test
  void everyFieldIsStoredAndUnknownOnesAreNull() {
    Path file = write(CARD, TRANSFER);

    List<List<Object>> rows =
        TestData.query(
            "SELECT * REPLACE (epoch_ms(event_timestamp) AS event_timestamp) FROM '" + file + "'");

    assertThat(rows.get(0))
        .containsExactly(
            "T1",
            T0.toEpochMilli(),
            "C1",
            "M1",
            null,
            1234.56,
            123456L,
            "BRL",
            "card",
            "10.0.0.1",
            "D1",
            "BR",
            "US",
            true,
            "smurfing");
    assertThat(rows.get(1))
        .containsExactly(
            "T2",
            T0.toEpochMilli() + 1,
            "C1",
            null,
            "C2",
            0.1,
            10L,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
  }

  @Test
  void labelNamedLikeADataColumnIsRejected() {
    LabelColumn clash = new LabelColumn("amount_cents", LabelType.BIGINT);

    assertThatThrownBy(
            () -> TransactionParquetWriter.create(dir.resolve("t.parquet"), List.of(clash)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label column 'amount_cents' clashes with the data column of the same name");
  }

  @Test
  void failedWriteLeavesNoFile() {
    Path file = dir.resolve("transactions.parquet");
    try (TransactionParquetWriter writer = TransactionParquetWriter.create(file, LABELS)) {
      writer.write(CARD, new Object[] {false, null});
      assertThatThrownBy(() -> writer.write(TRANSFER, new Object[] {1, null}))
          .hasMessage(
              "label 'is_laundering' of transaction 'T2' is a Integer (1); the column is BOOLEAN");
    }

    assertThat(file).doesNotExist();
  }
}

package io.amlmonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionRecordsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static Transaction decode(String json) throws MalformedRecordException {
    return TransactionRecords.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(String json) {
    try {
      decode(json);
    } catch (MalformedRecordException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted " + json);
  }

  @Test
  void everyFieldSurvivesARoundTripExactly() throws Exception {
    Transaction full =
        Transaction.builder()
            .id("T-1")
            .timestamp(T0.plusNanos(456_000))
            .customer("C-1")
            .merchant("M-1")
            .counterparty("C-2")
            .amount("12345678.91")
            .currency("brl")
            .channel(Channel.PIX)
            .ipAddress("10.0.0.1")
            .deviceId("dev \"quoted\" \\ é")
            .country("BR")
            .counterpartyCountry("US")
            .build();
    Transaction minimal =
        Transaction.builder()
            .id("T-2")
            .timestamp(T0)
            .customer("C-1")
            .counterparty("C-3")
            .amount("0.01")
            .build();

    assertThat(TransactionRecords.decode(TransactionRecords.encode(full))).isEqualTo(full);
    assertThat(TransactionRecords.decode(TransactionRecords.encode(minimal))).isEqualTo(minimal);
    assertThat(new String(TransactionRecords.encode(minimal), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"transaction_id\":\"T-2\",\"timestamp\":\"2026-03-01T10:15:30.123Z\","
                + "\"customer_id\":\"C-1\",\"counterparty_id\":\"C-3\",\"amount\":0.01}");
    assertThat(TransactionRecords.key(full)).isEqualTo("C-1");
  }

  @Test
  void acceptsEpochMillisTextAmountsNullsAndUnknownFields() throws Exception {
    Transaction t =
        decode(
            "{\"transaction_id\":\"T\",\"timestamp\":1772360130123,\"customer_id\":\"C\","
                + "\"merchant_id\":\"M\",\"amount\":\"10.50\",\"channel\":null,"
                + "\"extra\":{\"nested\":[1,2]},\"currency\":\"USD\"}");

    assertThat(t.timestamp()).isEqualTo(Instant.ofEpochMilli(1772360130123L));
    assertThat(t.amount().cents()).isEqualTo(1050);
    assertThat(t.channel()).isNull();
    assertThat(t.currency()).isEqualTo("USD");
  }

  @Test
  void aMalformedRecordIsRefusedWithWhatIsWrong() {
    String ok =
        "\"transaction_id\":\"T\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"customer_id\":\"C\"";
    assertThat(reason("")).contains("empty");
    assertThat(reason("not json")).contains("not valid JSON");
    assertThat(reason("[1,2]")).contains("JSON object");
    assertThat(reason("{" + ok + ",\"merchant_id\":\"M\"")).contains("not valid JSON");
    assertThat(reason("{" + ok + ",\"merchant_id\":\"M\",\"amount\":1} {}")).contains("after");
    assertThat(reason("{" + ok + ",\"merchant_id\":\"M\"}")).contains("amount");
    assertThat(reason("{" + ok + ",\"amount\":1}")).contains("merchant_id");
    assertThat(
            reason(
                "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"customer_id\":\"C\","
                    + "\"merchant_id\":\"M\",\"amount\":1}"))
        .contains("transaction_id");
    assertThat(
            reason(
                "{\"transaction_id\":\"T\",\"customer_id\":\"C\",\"merchant_id\":\"M\","
                    + "\"amount\":1}"))
        .contains("timestamp: is required");
    assertThat(
            reason(
                "{"
                    + ok.replace("2026-03-01T10:00:00Z", "yesterday")
                    + ",\"merchant_id\":\"M\",\"amount\":1}"))
        .contains("timestamp")
        .contains("yesterday");
    assertThat(reason("{" + ok + ",\"merchant_id\":\"M\",\"amount\":true}"))
        .contains("amount: must be a number");
    assertThat(reason("{" + ok + ",\"merchant_id\":\"M\",\"amount\":1,\"channel\":\"fax\"}"))
        .contains("channel");
    assertThat(reason("{" + ok + ",\"merchant_id\":5,\"amount\":1}")).contains("merchant_id");
    assertThat(reason("{" + ok + ",\"merchant_id\":\"M\",\"amount\":1,\"amount\":2}"))
        .contains("not valid JSON")
        .contains("amount");
  }
}

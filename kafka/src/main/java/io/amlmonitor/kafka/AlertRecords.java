package io.amlmonitor.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.amlmonitor.core.alert.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The alerts topic's records: one JSON object per alert, keyed by the customer, field names in
 * snake_case as the HTTP API writes them (docs/streaming.md, "Alerts topic").
 */
public final class AlertRecords {
  private static final JsonFactory JSON = new JsonFactory();

  private AlertRecords() {}

  /** The record's key: the customer, so that one customer's alerts keep their order. */
  public static String key(Alert a) {
    return a.customerId().value();
  }

  /** {@code a} as a record's value. */
  public static byte[] encode(Alert a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("alert_id", a.alertId());
      g.writeStringField("transaction_id", a.transactionId().value());
      g.writeStringField("customer_id", a.customerId().value());
      g.writeStringField("receiver_id", a.receiverId());
      g.writeFieldName("amount");
      g.writeNumber(a.amount().toBigDecimal());
      g.writeStringField("transaction_time", a.transactionTime().toString());
      g.writeStringField("created_at", a.createdAt().toString());
      g.writeNumberField("risk_score", a.riskScore());
      g.writeStringField("risk_level", a.riskLevel().name());
      g.writeArrayFieldStart("rules");
      for (String rule : a.rules()) {
        g.writeString(rule);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("reasons");
      for (String reason : a.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeStringField("rule_set_version", a.ruleSetVersion());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

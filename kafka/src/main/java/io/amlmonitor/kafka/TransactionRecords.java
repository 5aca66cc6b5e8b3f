package io.amlmonitor.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A transaction as a record of the {@code transactions} topic: one JSON object, UTF-8, with the
 * API's snake_case names (docs/streaming.md has the schema). Unlike the API, a record must carry
 * its own {@code transaction_id} and {@code timestamp}: a replayed topic must give the same
 * transactions every time.
 *
 * <p>Thread-safe; parsing streams over the bytes without building a tree.
 */
public final class TransactionRecords {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private TransactionRecords() {}

  /** The record's key: the paying customer, so that one customer's records keep their order. */
  public static String key(Transaction t) {
    return t.customerId().value();
  }

  /** {@code t} as a record's value. */
  public static byte[] encode(Transaction t) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("transaction_id", t.id().value());
      g.writeStringField("timestamp", t.timestamp().toString());
      g.writeStringField("customer_id", t.customerId().value());
      if (t.merchantId() != null) {
        g.writeStringField("merchant_id", t.merchantId().value());
      }
      if (t.counterpartyId() != null) {
        g.writeStringField("counterparty_id", t.counterpartyId().value());
      }
      g.writeFieldName("amount");
      g.writeNumber(t.amount().toBigDecimal());
      optional(g, "currency", t.currency());
      optional(g, "channel", t.channel() == null ? null : t.channel().wireName());
      optional(g, "ip_address", t.ipAddress());
      optional(g, "device_id", t.deviceId());
      optional(g, "country", t.country());
      optional(g, "counterparty_country", t.counterpartyCountry());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /**
   * The transaction in a record's value.
   *
   * @throws MalformedRecordException naming what is wrong: not JSON, not an object, a field of the
   *     wrong type, a missing or invalid field
   */
  public static Transaction decode(byte[] value) throws MalformedRecordException {
    if (value == null || value.length == 0) {
      throw new MalformedRecordException("empty record: expected a JSON object");
    }
    Transaction.Builder b = Transaction.builder();
    boolean hasId = false;
    boolean hasTime = false;
    try (JsonParser p = JSON.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedRecordException("expected a JSON object describing one transaction");
      }
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "transaction_id" -> {
            b.id(text(p, name));
            hasId = true;
          }
          case "timestamp" -> {
            b.timestamp(time(p));
            hasTime = true;
          }
          case "customer_id" -> b.customer(text(p, name));
          case "merchant_id" -> b.merchant(blankToNull(text(p, name)));
          case "counterparty_id" -> b.counterparty(blankToNull(text(p, name)));
          case "amount" -> b.amount(amount(p));
          case "currency" -> b.currency(text(p, name));
          case "channel" -> b.channel(Channel.parse(text(p, name)));
          case "ip_address" -> b.ipAddress(text(p, name));
          case "device_id" -> b.deviceId(text(p, name));
          case "country" -> b.country(text(p, name));
          case "counterparty_country" -> b.counterpartyCountry(text(p, name));
          default -> p.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new MalformedRecordException("unexpected " + token + " in the object");
      }
      if (p.nextToken() != null) {
        throw new MalformedRecordException("unexpected data after the JSON object");
      }
      if (!hasId) {
        throw new MalformedRecordException("transaction_id: is required");
      }
      if (!hasTime) {
        throw new MalformedRecordException("timestamp: is required");
      }
      return b.build();
    } catch (InvalidFieldException e) {
      throw new MalformedRecordException(e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new MalformedRecordException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedRecordException("unreadable record: " + e.getMessage(), e);
    }
  }

  private static String text(JsonParser p, String field) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new InvalidFieldException(field, "must be text, was " + p.getText());
    }
    return p.getText();
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }

  private static Money amount(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Money.of(p.getDecimalValue());
      case VALUE_STRING -> Money.parse(p.getText());
      default -> throw new InvalidFieldException("amount", "must be a number, was " + p.getText());
    };
  }

  private static Instant time(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return Instant.ofEpochMilli(p.getLongValue());
    }
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new InvalidFieldException(
          "timestamp", "must be ISO-8601 text or epoch milliseconds, was " + p.getText());
    }
    String text = p.getText().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          "timestamp", "'" + text + "' is not ISO-8601 with an offset (2026-01-31T12:00:00Z)");
    }
  }
}

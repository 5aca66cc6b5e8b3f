package io.amlmonitor.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A transaction as clients send it (snake_case JSON). Only {@code customer_id}, {@code amount} and
 * one of {@code merchant_id}/{@code counterparty_id} are required; a missing {@code transaction_id}
 * is generated and a missing {@code timestamp} is the time of the request.
 *
 * <p>{@code amount} and {@code timestamp} arrive as raw JSON so that a wrong type is reported
 * against its field rather than as unreadable JSON.
 */
public record TransactionRequest(
    String transactionId,
    JsonNode timestamp,
    String customerId,
    String merchantId,
    String counterpartyId,
    JsonNode amount,
    String currency,
    String channel,
    String ipAddress,
    String deviceId,
    String country,
    String counterpartyCountry) {

  /**
   * The domain transaction.
   *
   * @param now the request clock, for a missing timestamp
   * @throws InvalidFieldException naming the first field that is wrong
   */
  public Transaction toTransaction(Instant now) {
    return Transaction.builder()
        .id(transactionId == null ? "T-" + UUID.randomUUID() : transactionId)
        .timestamp(timestamp == null || timestamp.isNull() ? now : parseTime(timestamp))
        .customer(requireText("customer_id", customerId))
        .merchant(blankToNull(merchantId))
        .counterparty(blankToNull(counterpartyId))
        .amount(parseAmount(amount))
        .currency(currency)
        .channel(Channel.parse(channel))
        .ipAddress(ipAddress)
        .deviceId(deviceId)
        .country(country)
        .counterpartyCountry(counterpartyCountry)
        .build();
  }

  private static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static Money parseAmount(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new InvalidFieldException("amount", "is required");
    }
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      return Money.of(value);
    }
    if (node.isTextual()) {
      return Money.parse(node.asText());
    }
    throw new InvalidFieldException("amount", "must be a number, was " + node);
  }

  static Instant parseTime(JsonNode node) {
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.asLong());
    }
    if (!node.isTextual()) {
      throw new InvalidFieldException(
          "timestamp", "must be ISO-8601 text or epoch milliseconds, was " + node);
    }
    String text = node.asText().strip();
    try {
      if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new InvalidFieldException(
            "timestamp",
            "'" + text + "' is not ISO-8601 (2026-01-31T12:00:00Z) or epoch milliseconds");
      }
    }
  }
}

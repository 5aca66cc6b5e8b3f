package io.amlmonitor.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The dead-letter topic's records: a record that could not be read, kept whole with where it came
 * from and why it was refused, so that it can be fixed and produced again.
 */
public final class DeadLetterRecords {
  private static final JsonFactory JSON = new JsonFactory();

  private DeadLetterRecords() {}

  /**
   * A dead letter's value: {@code reason}, {@code source} ({@code topic/partition@offset}), {@code
   * at} and {@code record} (the original value as text, invalid UTF-8 replaced).
   */
  public static byte[] encode(
      byte[] value, String topic, int partition, long offset, String reason, Instant at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (value == null ? 0 : value.length));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("reason", reason);
      g.writeStringField("source", topic + "/" + partition + "@" + offset);
      g.writeStringField("at", at.toString());
      if (value == null) {
        g.writeNullField("record");
      } else {
        g.writeStringField("record", new String(value, StandardCharsets.UTF_8));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

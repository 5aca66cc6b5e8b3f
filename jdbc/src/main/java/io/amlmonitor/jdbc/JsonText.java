package io.amlmonitor.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists of text and feature values as JSON text columns, the one representation PostgreSQL and H2
 * share.
 *
 * <p>Feature values round-trip exactly: integers are written without a decimal point and read back
 * as {@link Long}; reals are written with the shortest decimal that parses back to the same double
 * and always carry a point or exponent, so they read back as {@link Double}; NaN and the
 * infinities, which JSON has no numbers for, are written as the strings {@code "NaN"}, {@code
 * "Infinity"} and {@code "-Infinity"}.
 *
 * <p>The writing half is public so that exports show exactly the text the database holds.
 */
public final class JsonText {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonText() {}

  /** A JSON array of the strings, such as {@code ["large_amount","night"]}. */
  public static String strings(List<String> values) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static List<String> strings(String json) {
    List<String> values = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY, json);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(t, JsonToken.VALUE_STRING, json);
        values.add(p.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON array of strings: " + json, e);
    }
    return Collections.unmodifiableList(values);
  }

  /** A JSON object of feature values by name, in the map's order. */
  public static String features(Map<String, Number> features) {
    StringWriter out = new StringWriter(features.size() * 32);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, Number> e : features.entrySet()) {
        g.writeFieldName(e.getKey());
        if (e.getValue() instanceof Long l) {
          g.writeNumber(l);
        } else {
          double d = e.getValue().doubleValue();
          if (Double.isFinite(d)) {
            g.writeNumber(d);
          } else {
            g.writeString(Double.toString(d));
          }
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Map<String, Number> features(String json) {
    Map<String, Number> features = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, json);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        Number value =
            switch (p.nextToken()) {
              case VALUE_NUMBER_INT -> p.getLongValue();
              case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
              case VALUE_STRING -> Double.parseDouble(p.getText());
              default -> throw new IOException("feature " + name + " is not a number");
            };
        features.put(name, value);
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("not a JSON object of feature values: " + json, e);
    }
    return features;
  }

  private static void expect(JsonToken actual, JsonToken expected, String json) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " at " + actual + " in " + json);
    }
  }
}

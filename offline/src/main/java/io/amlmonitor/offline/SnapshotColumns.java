package io.amlmonitor.offline;

import io.amlmonitor.core.feature.FeatureDefinition;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.ValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns of a snapshot file, shared by the writer, the reader and the point-in-time join. */
final class SnapshotColumns {
  static final String TRANSACTION_ID = "transaction_id";
  static final String EVENT_TIMESTAMP = "event_timestamp";
  static final String CUSTOMER_ID = "customer_id";
  static final String MERCHANT_ID = "merchant_id";
  static final String COUNTERPARTY_ID = "counterparty_id";
  static final String AMOUNT = "amount";

  static final String VARCHAR = "VARCHAR";
  static final String TIMESTAMPTZ = "TIMESTAMP WITH TIME ZONE";
  static final String BIGINT = "BIGINT";
  static final String DOUBLE = "DOUBLE";

  /** The key and data columns before the features, with their types, in file order. */
  static final Map<String, String> KEYS = keys();

  private SnapshotColumns() {}

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(TRANSACTION_ID, VARCHAR);
    keys.put(EVENT_TIMESTAMP, TIMESTAMPTZ);
    keys.put(CUSTOMER_ID, VARCHAR);
    keys.put(MERCHANT_ID, VARCHAR);
    keys.put(COUNTERPARTY_ID, VARCHAR);
    keys.put(AMOUNT, DOUBLE);
    return Collections.unmodifiableMap(keys);
  }

  /** The column type of {@code feature}: whole-number features are BIGINT, the rest DOUBLE. */
  static String typeOf(FeatureDefinition feature) {
    return feature.type() == ValueType.INT ? BIGINT : DOUBLE;
  }

  /**
   * The names a label may not take: the keys and the features.
   *
   * @throws IllegalArgumentException if a feature is named like a key column
   */
  static Map<String, String> taken(FeatureRegistry registry) {
    Map<String, String> taken = new LinkedHashMap<>();
    KEYS.keySet().forEach(k -> taken.put(k, "the key column"));
    for (FeatureDefinition feature : registry.definitions()) {
      if (KEYS.containsKey(feature.name())) {
        throw new IllegalArgumentException(
            "feature '" + feature.name() + "' clashes with the snapshot's key column of that name");
      }
      taken.put(feature.name(), "the feature");
    }
    return taken;
  }

  /** Every column of a snapshot with {@code labels}, with its type, in file order. */
  static Map<String, String> all(FeatureRegistry registry, List<LabelColumn> labels) {
    Map<String, String> all = new LinkedHashMap<>(KEYS);
    registry.definitions().forEach(f -> all.put(f.name(), typeOf(f)));
    labels.forEach(l -> all.put(l.name(), l.type().sqlType()));
    return all;
  }

  /**
   * Checks that a snapshot file has every {@code expected} column with its type.
   *
   * @throws IllegalArgumentException naming every missing or mistyped column
   */
  static void check(Path file, Map<String, String> expected, Map<String, String> actual) {
    List<String> problems = new ArrayList<>();
    expected.forEach(
        (name, type) -> {
          String found = actual.get(name);
          if (found == null) {
            problems.add("column '" + name + "' (" + type + ") is missing");
          } else if (!found.equals(type)) {
            problems.add("column '" + name + "' is " + found + ", expected " + type);
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "snapshot file " + file + " does not match: " + String.join("; ", problems));
    }
  }
}

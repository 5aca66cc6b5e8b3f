package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Which column of an imported file feeds which {@link TransactionField}, checked against the file's
 * header before anything is loaded. Given as {@code --mapping SRC=FIELD,...}; without one, columns
 * that carry a field's name map to it. Columns mapped to nothing are ignored.
 */
final class FieldMapping {
  private static final String OPTION = "--mapping";

  private final Map<TransactionField, String> sources;
  private final int[] positions;
  private final List<String> ignored;

  private FieldMapping(Map<TransactionField, String> sources, List<String> columns) {
    this.sources = sources;
    this.positions = new int[TransactionField.values().length];
    java.util.Arrays.fill(positions, -1);
    sources.forEach((field, column) -> positions[field.ordinal()] = columns.indexOf(column));
    this.ignored = columns.stream().filter(c -> !sources.containsValue(c)).toList();
  }

  /**
   * The mapping {@code text} gives (null: by name) for a file with {@code columns}.
   *
   * @throws ConfigException naming the mapping and what is wrong: an unknown field or column, a
   *     field or column given twice, or a required field (timestamp, customer_id, amount, and
   *     merchant_id or counterparty_id) that no column feeds
   */
  static FieldMapping resolve(String text, List<String> columns, String file) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (seen.put(columns.get(i), i) != null) {
        throw new ConfigException(
            OPTION, text, file + " has two columns named '" + columns.get(i) + "'");
      }
    }
    Map<TransactionField, String> sources = new EnumMap<>(TransactionField.class);
    if (text == null || text.isBlank()) {
      for (String column : columns) {
        TransactionField.named(column).ifPresent(f -> sources.put(f, column));
      }
    } else {
      for (String pair : text.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new ConfigException(
              OPTION, text, "'" + pair.strip() + "' is not SOURCE_COLUMN=FIELD");
        }
        String column = pair.substring(0, eq).strip();
        String name = pair.substring(eq + 1).strip();
        TransactionField field =
            TransactionField.named(name)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            OPTION,
                            text,
                            "'"
                                + name
                                + "' is not a transaction field; the fields are "
                                + TransactionField.names()));
        if (!seen.containsKey(column)) {
          throw new ConfigException(
              OPTION,
              text,
              file
                  + " has no column '"
                  + column
                  + "'; its columns are "
                  + String.join(", ", columns));
        }
        if (sources.containsValue(column)) {
          throw new ConfigException(OPTION, text, "column '" + column + "' is mapped twice");
        }
        if (sources.put(field, column) != null) {
          throw new ConfigException(OPTION, text, "field " + name + " is mapped twice");
        }
      }
    }
    checkRequired(sources, text, columns, file);
    return new FieldMapping(sources, columns);
  }

  private static void checkRequired(
      Map<TransactionField, String> sources, String text, List<String> columns, String file) {
    List<String> missing = new ArrayList<>();
    for (TransactionField required :
        List.of(
            TransactionField.TIMESTAMP, TransactionField.CUSTOMER_ID, TransactionField.AMOUNT)) {
      if (!sources.containsKey(required)) {
        missing.add(required.column());
      }
    }
    if (!sources.containsKey(TransactionField.MERCHANT_ID)
        && !sources.containsKey(TransactionField.COUNTERPARTY_ID)) {
      missing.add("merchant_id or counterparty_id");
    }
    if (missing.isEmpty()) {
      return;
    }
    String problem = "no column feeds " + String.join(", ", missing);
    if (text == null || text.isBlank()) {
      throw new ConfigException(
          "FILE",
          file,
          problem
              + "; its columns are "
              + String.join(", ", columns)
              + ": map them with "
              + OPTION
              + " SOURCE_COLUMN=FIELD,...");
    }
    throw new ConfigException(OPTION, text, problem);
  }

  /** The position of the column that feeds {@code field} in a row, or -1 when none does. */
  int position(TransactionField field) {
    return positions[field.ordinal()];
  }

  /** Whether the file brings its own transaction ids (else they are derived). */
  boolean hasIds() {
    return sources.containsKey(TransactionField.TRANSACTION_ID);
  }

  /** The file's columns that feed no field. */
  List<String> ignored() {
    return ignored;
  }

  /** For messages: {@code sourceNodeId → customer_id, value → amount}. */
  String describe() {
    StringJoiner out = new StringJoiner(", ");
    sources.forEach((field, column) -> out.add(column + " → " + field.column()));
    return out.toString();
  }
}

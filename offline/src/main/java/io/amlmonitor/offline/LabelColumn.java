package io.amlmonitor.offline;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A column of training labels written after the data columns, such as {@code is_laundering} or
 * {@code typology}.
 *
 * @param name snake_case, like feature names; must not clash with a key, data or feature column
 */
public record LabelColumn(String name, LabelType type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public LabelColumn {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("label column name '" + name + "' must be snake_case");
    }
    Objects.requireNonNull(type, "type of label column '" + name + "'");
  }

  /**
   * Checks that {@code labels} have distinct names, none of them taken by another column.
   *
   * @param taken the names of the file's other columns, each with what it is ("a feature")
   */
  static List<LabelColumn> checkNames(List<LabelColumn> labels, Map<String, String> taken) {
    Objects.requireNonNull(labels, "labels");
    Set<String> seen = new HashSet<>();
    for (LabelColumn label : labels) {
      Objects.requireNonNull(label, "label column");
      String other = taken.get(label.name());
      if (other != null) {
        throw new IllegalArgumentException(
            "label column '" + label.name() + "' clashes with " + other + " of the same name");
      }
      if (!seen.add(label.name())) {
        throw new IllegalArgumentException("label column '" + label.name() + "' is listed twice");
      }
    }
    return List.copyOf(labels);
  }

  /**
   * Checks a row's label values against {@code labels}: count and types.
   *
   * @param rowId names the row in the message (its transaction id)
   */
  static void checkValues(List<LabelColumn> labels, Object[] values, String rowId) {
    if (values.length != labels.size()) {
      throw new IllegalArgumentException(
          "transaction '"
              + rowId
              + "' has "
              + values.length
              + " label values; the file has "
              + labels.size()
              + " label columns "
              + labels.stream().map(LabelColumn::name).toList());
    }
    for (int i = 0; i < values.length; i++) {
      LabelColumn label = labels.get(i);
      if (!label.type().accepts(values[i])) {
        throw new IllegalArgumentException(
            "label '"
                + label.name()
                + "' of transaction '"
                + rowId
                + "' is a "
                + values[i].getClass().getSimpleName()
                + " ("
                + values[i]
                + "); the column is "
                + label.type());
      }
    }
  }
}

package io.amlmonitor.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for a terminal: each column as wide as its widest cell, text left-aligned and numbers
 * right-aligned, columns two spaces apart.
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] numeric;

  /**
   * @param numeric which columns hold numbers (right-aligned), one flag per column
   * @param headers one per column, or none for a table without a header line
   */
  TextTable(boolean[] numeric, String... headers) {
    this.numeric = numeric.clone();
    if (headers.length > 0) {
      row(headers);
    }
  }

  /** A table whose first column is text and the others numbers. */
  static TextTable firstColumnText(String... headers) {
    boolean[] numeric = new boolean[headers.length];
    for (int i = 1; i < numeric.length; i++) {
      numeric[i] = true;
    }
    return new TextTable(numeric, headers);
  }

  TextTable row(String... cells) {
    if (cells.length != numeric.length) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells in a table of " + numeric.length + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** Appends the header and the rows, each line starting with {@code indent}. */
  void appendTo(StringBuilder out, String indent) {
    int[] widths = new int[numeric.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], length(row[i]));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.length; i++) {
        String cell = row[i] == null ? "" : row[i];
        String pad = " ".repeat(widths[i] - length(cell));
        if (i > 0) {
          line.append("  ");
        }
        line.append(numeric[i] ? pad + cell : cell + pad);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Characters as a terminal shows them: a character outside the BMP takes one column too. */
  private static int length(String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }
}

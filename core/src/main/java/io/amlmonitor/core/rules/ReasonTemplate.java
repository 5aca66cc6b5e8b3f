package io.amlmonitor.core.rules;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A sentence with values in braces, such as {@code "{unique_ips_1h} different IPs in the last
 * hour"}. Each value is written {@code {name}} or {@code {name:format}} with format {@code int},
 * {@code money}, {@code decimal} or {@code percent}; numbers are written the way the reader's
 * locale writes them (10,000.00 in English, 10.000,00 in Brazilian Portuguese).
 */
final class ReasonTemplate {
  private static final Set<String> FORMATS = Set.of("int", "money", "decimal", "percent");

  private final List<String> literals = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> formats = new ArrayList<>();

  private ReasonTemplate() {}

  /**
   * Parses {@code text}; every value in braces must name a variable in {@code known}.
   *
   * @throws IllegalArgumentException naming the unknown value
   */
  static ReasonTemplate parse(String text, Set<String> known) {
    ReasonTemplate t = new ReasonTemplate();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = text.indexOf('}', i);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '{' at column " + (i + 1) + " of the reason");
      }
      String inner = text.substring(i + 1, close).strip();
      int colon = inner.indexOf(':');
      String name = colon < 0 ? inner : inner.substring(0, colon).strip();
      String format = colon < 0 ? "" : inner.substring(colon + 1).strip();
      if (!known.contains(name)) {
        throw new IllegalArgumentException("the reason refers to unknown value {" + name + "}");
      }
      if (!format.isEmpty() && !FORMATS.contains(format)) {
        throw new IllegalArgumentException(
            "format '" + format + "' in {" + inner + "} is not one of " + FORMATS);
      }
      t.literals.add(literal.toString());
      literal.setLength(0);
      t.names.add(name);
      t.formats.add(format);
      i = close + 1;
    }
    t.literals.add(literal.toString());
    return t;
  }

  /** The names of the values it shows, in order. */
  List<String> names() {
    return List.copyOf(names);
  }

  String render(Locale locale, Function<String, Object> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      out.append(literals.get(i));
      out.append(format(values.apply(names.get(i)), formats.get(i), locale));
    }
    out.append(literals.get(names.size()));
    return out.toString();
  }

  private static String format(Object value, String format, Locale locale) {
    if (!(value instanceof Number number)) {
      return String.valueOf(value);
    }
    double d = number.doubleValue();
    NumberFormat f;
    switch (format) {
      case "money" -> {
        f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
      }
      case "int" -> {
        f = NumberFormat.getIntegerInstance(locale);
      }
      case "percent" -> {
        f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
      }
      default -> {
        f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(number instanceof Long || number instanceof Integer ? 0 : 2);
      }
    }
    return f.format(d);
  }
}

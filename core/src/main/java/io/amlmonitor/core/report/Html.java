package io.amlmonitor.core.report;

/**
 * Escaping for HTML text and attribute values, shared by every page the system writes (the SAR
 * draft, the report).
 */
public final class Html {
  private Html() {}

  /**
   * {@code text} with the five characters HTML gives meaning to ({@code & < > " '}) replaced by
   * entities, safe in element content and in quoted attribute values; null becomes empty.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}

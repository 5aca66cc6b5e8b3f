package io.amlmonitor.core.domain;

/** Shared argument checks for the domain records; every failure names the field and the value. */
public final class Checks {
  private static final int MAX_ID_LENGTH = 128;

  private Checks() {}

  /** An identifier: non-blank, at most 128 characters, no control characters. */
  public static String id(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidFieldException(
          field, "is " + value.length() + " characters long; at most " + MAX_ID_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidFieldException(field, "contains a control character");
      }
    }
    return value;
  }

  /** An optional free-text attribute (IP, device): null or blank becomes null. */
  public static String optionalText(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return id(field, value.strip());
  }

  /** An optional ISO 3166-1 alpha-2 country code, upper-cased. */
  public static String optionalCountry(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String upper = value.strip().toUpperCase(java.util.Locale.ROOT);
    if (!isUpperLetters(upper, 2)) {
      throw new InvalidFieldException(
          field, "'" + value + "' is not an ISO 3166 two-letter country code");
    }
    return upper;
  }

  /**
   * Whether {@code value} is exactly {@code length} letters A to Z: a code such as a country or a
   * currency (checked on every transaction a stream job reads, so without a regular expression).
   */
  public static boolean isUpperLetters(String value, int length) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return value;
  }
}

package io.amlmonitor.core.domain;

/**
 * A value that breaks a domain rule. Carries the offending field name so that adapters can tell the
 * caller exactly what to fix (an HTTP 400 naming the field, a rejects file naming the column).
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The snake_case name of the field that is wrong, as the API and files spell it. */
  public String field() {
    return field;
  }

  /** The message without the field prefix. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}

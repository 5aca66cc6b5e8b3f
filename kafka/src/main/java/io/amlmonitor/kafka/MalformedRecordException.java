package io.amlmonitor.kafka;

/** A record that is not a valid transaction; its message says what is wrong, for a dead letter. */
public final class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedRecordException(String reason) {
    super(reason);
  }

  public MalformedRecordException(String reason, Throwable cause) {
    super(reason, cause);
  }
}

package io.amlmonitor.core.store;

/**
 * The system of record could not do what was asked. Adapters translate their own failures (such as
 * {@code SQLException}) into this, naming the operation, so that callers never see driver types.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

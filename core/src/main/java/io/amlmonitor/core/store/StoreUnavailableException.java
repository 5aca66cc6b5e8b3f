package io.amlmonitor.core.store;

/**
 * The store cannot be reached at all (refused or lost connection, pool exhausted, database file in
 * use): the request may succeed later, unlike a {@link StoreException} about the data itself.
 */
public class StoreUnavailableException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.amlmonitor.offline;

/**
 * A Parquet file could not be written or read: the DuckDB or file-system error, translated and
 * wrapped with the file it concerns. Invalid input is reported as {@link IllegalArgumentException}
 * instead, before anything is written.
 */
public final class OfflineStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OfflineStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public OfflineStoreException(String message) {
    super(message);
  }
}

package io.amlmonitor.redis;

/** Redis could not be reached or refused a command; the message names the server. */
public final class RedisStoreException extends RuntimeException {
  public RedisStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public RedisStoreException(String message) {
    super(message);
  }
}

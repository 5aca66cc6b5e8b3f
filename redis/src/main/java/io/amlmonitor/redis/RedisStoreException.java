package io.amlmonitor.redis;

import io.amlmonitor.core.store.StoreUnavailableException;

/**
 * Redis could not be reached, refused a command, or kept conflicting with other writers; the
 * message names the server. Each of these may pass, so callers treat it as the store being away.
 */
public final class RedisStoreException extends StoreUnavailableException {
  public RedisStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public RedisStoreException(String message) {
    super(message, null);
  }
}

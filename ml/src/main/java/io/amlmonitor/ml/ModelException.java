package io.amlmonitor.ml;

/** A model that cannot be trained, saved or read: a native-library failure, a malformed file. */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.amlmonitor.ml;

/** Training data the trainer cannot learn from: no rows, one class only, a missing column. */
public final class TrainingDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrainingDataException(String message) {
    super(message);
  }
}

package io.amlmonitor.core.flow;

/** A flow run stopped before the end; what it finished is kept and a new run resumes it. */
public class FlowFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlowFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}

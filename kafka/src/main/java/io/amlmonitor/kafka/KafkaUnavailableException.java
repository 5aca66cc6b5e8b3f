package io.amlmonitor.kafka;

/** Kafka could not be reached, or refused what was asked of it. */
public final class KafkaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KafkaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

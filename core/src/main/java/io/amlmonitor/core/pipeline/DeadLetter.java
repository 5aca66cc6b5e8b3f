package io.amlmonitor.core.pipeline;

import java.time.Instant;

/**
 * A record that could not be processed, kept with its reason so that nothing is lost silently.
 *
 * @param record the record as received (a transaction, a CSV line, a message)
 * @param source where it came from, such as {@code http}, {@code pipeline} or a file name
 */
public record DeadLetter(String record, String source, String reason, Instant at) {}

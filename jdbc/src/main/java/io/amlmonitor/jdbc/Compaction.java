package io.amlmonitor.jdbc;

import java.time.Duration;

/**
 * What compacting the embedded database file did.
 *
 * @param bytesBefore the file's size before
 * @param bytesAfter its size after
 */
public record Compaction(long bytesBefore, long bytesAfter, Duration took) {}

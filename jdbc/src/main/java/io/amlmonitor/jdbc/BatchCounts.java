package io.amlmonitor.jdbc;

import java.sql.Statement;

/** Reads a JDBC batch's update counts as a number of rows added. */
final class BatchCounts {
  private BatchCounts() {}

  /**
   * The rows the batch added. Both drivers report 1 or 0 per {@code INSERT … ON CONFLICT DO
   * NOTHING}; a driver that only reports success without a count would make the number unknowable,
   * so that is refused rather than guessed.
   */
  static int added(int[] counts) {
    int added = 0;
    for (int n : counts) {
      if (n == Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException("the driver did not report row counts for a batch");
      }
      added += Math.max(n, 0);
    }
    return added;
  }
}

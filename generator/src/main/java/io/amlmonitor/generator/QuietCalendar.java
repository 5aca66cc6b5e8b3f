package io.amlmonitor.generator;

import java.util.Arrays;

/**
 * Days on which a customer's ordinary activity, sent or received, is suppressed: the dormancy
 * before {@link Typology#DORMANT_REACTIVATION}. At most one quiet window per customer.
 */
final class QuietCalendar {
  private final int[] from;
  private final int[] until;

  QuietCalendar(int customers) {
    from = new int[customers];
    until = new int[customers];
    Arrays.fill(from, Integer.MAX_VALUE);
  }

  /** Silences {@code customer} from day {@code fromDay} (inclusive) to {@code untilDay}. */
  void silence(int customer, int fromDay, int untilDay) {
    from[customer] = fromDay;
    until[customer] = untilDay;
  }

  boolean isQuiet(int customer, int day) {
    return day >= from[customer] && day < until[customer];
  }
}

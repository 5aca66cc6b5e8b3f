package io.amlmonitor.core.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What happened on one calendar day of a report: alerts on the day's transactions, and the case
 * work of the day.
 *
 * @param day the calendar day in the report's zone
 * @param alerts alerts whose transaction happened on the day
 * @param casesOpened cases opened on the day
 * @param casesClosed cases closed on the day, as false positive or with a SAR
 */
public record DayActivity(LocalDate day, long alerts, long casesOpened, long casesClosed) {
  public DayActivity {
    Objects.requireNonNull(day, "day");
    if (alerts < 0 || casesOpened < 0 || casesClosed < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative on "
              + day
              + ": alerts "
              + alerts
              + ", opened "
              + casesOpened
              + ", closed "
              + casesClosed);
    }
  }
}

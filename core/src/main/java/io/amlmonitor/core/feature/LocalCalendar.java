package io.amlmonitor.core.feature;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;

/**
 * Classifies event times by local clock: hour of day, night, weekend. Kept off {@code
 * java.time.LocalDateTime} on the hot path; the arithmetic is exact for any zone because the offset
 * is looked up per instant.
 */
public final class LocalCalendar {
  private static final long MILLIS_PER_HOUR = 3_600_000L;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final int fixedOffsetMillis;
  private final boolean fixed;
  private final boolean daysFollowTime;

  public LocalCalendar(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset();
    this.fixedOffsetMillis =
        fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000 : Integer.MIN_VALUE;
    this.daysFollowTime = fixed || noClockGoesBackOverMidnight(rules);
  }

  /**
   * Whether the local day of a later instant is never before that of an earlier one: true unless
   * some change of offset in the zone's history or rules set the clocks back across midnight.
   */
  public boolean daysFollowTime() {
    return daysFollowTime;
  }

  private static boolean noClockGoesBackOverMidnight(ZoneRules rules) {
    for (ZoneOffsetTransition t : rules.getTransitions()) {
      if (backOverMidnight(t)) {
        return false;
      }
    }
    for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
      if (backOverMidnight(r.createTransition(2000))) {
        return false;
      }
    }
    return true;
  }

  private static boolean backOverMidnight(ZoneOffsetTransition t) {
    return t.isOverlap()
        && !t.getDateTimeBefore().toLocalDate().equals(t.getDateTimeAfter().toLocalDate());
  }

  public ZoneId zone() {
    return zone;
  }

  private long localMillis(long epochMillis) {
    int offset =
        fixed
            ? fixedOffsetMillis
            : rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000;
    return epochMillis + offset;
  }

  /** Hour of day, 0–23, in the zone. */
  public int hour(long epochMillis) {
    return (int) (Math.floorMod(localMillis(epochMillis), MILLIS_PER_DAY) / MILLIS_PER_HOUR);
  }

  /** 22:00 to 06:00 local time. */
  public boolean isNight(long epochMillis) {
    return isNightHour(hour(epochMillis));
  }

  /** Whether a local hour of day (0–23) is at night: 22:00 to 06:00. */
  public static boolean isNightHour(int hour) {
    return hour >= 22 || hour < 6;
  }

  /**
   * Days since 1970-01-01 by the local calendar: the index of the local day holding the instant.
   */
  public long epochDay(long epochMillis) {
    return Math.floorDiv(localMillis(epochMillis), MILLIS_PER_DAY);
  }

  /** Saturday or Sunday local time. */
  public boolean isWeekend(long epochMillis) {
    long day = Math.floorDiv(localMillis(epochMillis), MILLIS_PER_DAY);
    // 1970-01-01 was a Thursday: day 0 → index 3 with Monday = 0.
    int dayOfWeek = (int) Math.floorMod(day + 3, 7);
    return dayOfWeek >= 5;
  }
}

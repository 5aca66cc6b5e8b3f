package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A merchant's maintained distinct count read at any time from the allowed lateness on, against the
 * distinct values of the retained rows in the window: reads after the newest event (only lookups in
 * the multiset), among the newest events (a few taken into account, or many, when the read changes
 * the multiset and restores it), and reads going back and forth in time.
 */
class EventLogMaintainedDistinctTest {
  private static final long HOUR = 3_600_000L;

  @Property(tries = 200, seed = "20261121")
  void equalsTheDistinctValuesOfTheWindowsRows(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LogSpec spec =
        FeaturePlan.spec(
            FeatureRegistry.standard(),
            EntityType.MERCHANT,
            Direction.INCOMING,
            FeatureSettings.DEFAULT);
    int d = spec.distinctIndex(HOUR, false);
    assertThat(d).isGreaterThanOrEqualTo(0);
    EventLog log = new EventLog(spec);
    DistinctSet scratch = new DistinctSet();
    long[] customers = new long[random.nextInt(1, 200)];
    for (int i = 0; i < customers.length; i++) {
      customers[i] = random.nextLong() | 1;
    }
    long clock = 1_800_000_000_000L;
    int events = random.nextInt(1, 1_500);
    for (int e = 0; e < events; e++) {
      clock +=
          switch (random.nextInt(10)) {
            case 0 -> random.nextLong(0, 2 * HOUR);
            case 1, 2, 3, 4 -> random.nextLong(0, 500); // bursts: many events after a read
            default -> random.nextLong(0, 120_000);
          };
      long t = random.nextInt(8) == 0 ? clock - random.nextLong(0, 300_000) : clock;
      long party = random.nextInt(20) == 0 ? 0 : customers[random.nextInt(customers.length)];
      log.add(t, 100, 0, party, 0, (short) 0, 0, 0);
      if (random.nextInt(10) == 0) {
        for (int r = 0; r < 5; r++) {
          long newest = log.newestTimestamp();
          long at =
              newest - spec.latenessMillis() + random.nextLong(0, spec.latenessMillis() + HOUR);
          assertThat(log.maintainedDistinct(d, at, scratch))
              .as("distinct customers in the hour before %d, newest %d", at, newest)
              .isEqualTo(bruteForce(log, at - HOUR, at));
        }
      }
    }
  }

  private static int bruteForce(EventLog log, long from, long to) {
    Set<Long> values = new HashSet<>();
    for (int i = log.start(); i < log.end(); i++) {
      if (log.ts(i) >= from && log.ts(i) < to && log.party(i) != 0) {
        values.add(log.party(i));
      }
    }
    return values.size();
  }
}

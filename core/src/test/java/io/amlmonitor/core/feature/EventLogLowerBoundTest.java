package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The log's window-edge search (interpolation, then galloping, then bisection) against a plain scan
 * of the retained rows: bursts and ties that fool the interpolation, long gaps, out-of-order events
 * and evictions, and probes on, between, before and after the retained times.
 */
class EventLogLowerBoundTest {
  @Property(tries = 200, seed = "20261121")
  void findsTheFirstRowAtOrAfterAnyTime(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LogSpec spec =
        FeaturePlan.spec(
            FeatureRegistry.standard(),
            EntityType.CUSTOMER,
            Direction.OUTGOING,
            FeatureSettings.DEFAULT);
    EventLog log = new EventLog(spec);
    long clock = 1_800_000_000_000L;
    int events = random.nextInt(1, 1_500);
    for (int e = 0; e < events; e++) {
      clock +=
          switch (random.nextInt(10)) {
            case 0 -> random.nextLong(0, 30 * 3_600_000L); // long gap, evicts
            case 1, 2 -> 0; // ties
            case 3, 4, 5 -> random.nextLong(0, 1_000); // a burst
            default -> random.nextLong(0, 600_000);
          };
      long t = random.nextInt(8) == 0 ? clock - random.nextLong(0, 300_000) : clock;
      log.add(t, 100, 0, e + 1, e + 1, (short) 0, 0, 0);
      if (random.nextInt(5) == 0) {
        for (int probe = 0; probe < 20; probe++) {
          long at = probeTime(random, log);
          assertThat(log.lowerBound(at))
              .as("lowerBound(%d) in %s", at, log)
              .isEqualTo(scan(log, at));
        }
      }
    }
  }

  private static long probeTime(SplittableRandom random, EventLog log) {
    if (log.size() == 0) {
      return random.nextLong(1_700_000_000_000L, 1_900_000_000_000L);
    }
    long oldest = log.ts(log.start());
    long newest = log.ts(log.end() - 1);
    return switch (random.nextInt(4)) {
      case 0 -> log.ts(random.nextInt(log.start(), log.end())) + random.nextLong(-1, 2);
      case 1 -> oldest - random.nextLong(0, 86_400_000L);
      case 2 -> newest + random.nextLong(0, 86_400_000L);
      default -> oldest + random.nextLong(0, newest - oldest + 1);
    };
  }

  private static int scan(EventLog log, long t) {
    int i = log.start();
    while (i < log.end() && log.ts(i) < t) {
      i++;
    }
    return i;
  }
}

package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The party memory against a plain sorted map with the same rules, past its capacity: which parties
 * are forgotten (idle ones first, then the least recently seen, the lowest hash among equals)
 * decides what later reads as new.
 */
class PartyMemoryTest {
  private static final long MINUTE = 60_000L;

  @Property(tries = 60, seed = "20261121")
  void answersAsASortedMapWithTheSameRules(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LogSpec spec =
        FeaturePlan.spec(
            FeatureRegistry.standard(),
            EntityType.CUSTOMER,
            Direction.OUTGOING,
            FeatureSettings.DEFAULT);
    EventLog log = new EventLog(spec);
    Model model = new Model();
    long[] pool = new long[random.nextInt(10, 600)];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong() | 1; // never 0, "no party"
    }
    long clock = 1_800_000_000_000L;
    long newest = clock;
    int events = random.nextInt(1, 2_000);
    boolean idleGaps = random.nextBoolean();
    for (int e = 0; e < events; e++) {
      clock +=
          switch (random.nextInt(50)) {
            case 0 -> idleGaps ? random.nextLong(25, 40) * WindowKind.DAY : 0; // parties go idle
            case 1, 2, 3 -> 0; // ties
            default -> random.nextLong(1, 30) * MINUTE;
          };
      long t = random.nextInt(10) == 0 ? clock - random.nextLong(0, 10 * MINUTE) : clock;
      long party = pool[random.nextInt(pool.length)];
      long before = Math.max(t, newest);
      PartyMemory.observe(log, party, t, before);
      model.observe(party, t, before);
      newest = before;
      if (random.nextInt(20) == 0) {
        long at = newest + random.nextLong(-10 * MINUTE, 40 * WindowKind.DAY);
        long from = at - random.nextLong(1, 48) * 3_600_000L;
        assertThat(PartyMemory.startedIn(log, from, at))
            .as("started in [%d, %d) after %d events", from, at, e + 1)
            .isEqualTo(model.startedIn(from, at));
        long[] windows = {at - from, 3_600_000L, WindowKind.DAY};
        int[] counts = new int[windows.length];
        PartyMemory.startedIn(log, at, windows, counts);
        for (int k = 0; k < windows.length; k++) {
          assertThat(counts[k])
              .as("started in the %d ms before %d, windows counted together", windows[k], at)
              .isEqualTo(model.startedIn(at - windows[k], at));
        }
        for (long p : pool) {
          assertThat(PartyMemory.isNew(log, p, at))
              .as("party %d new at %d", p, at)
              .isEqualTo(model.isNew(p, at));
        }
      }
    }
  }

  /** The rules, with parties in signed hash order as the first version kept them. */
  private static final class Model {
    private final TreeMap<Long, long[]> parties = new TreeMap<>();

    void observe(long party, long t, long newest) {
      long[] seen = parties.get(party);
      if (seen != null) {
        if (t > seen[1]) {
          if (t - seen[1] >= PartyMemory.MEMORY_MILLIS) {
            seen[0] = t;
          }
          seen[1] = t;
        } else if (t < seen[0] && seen[0] - t < PartyMemory.MEMORY_MILLIS) {
          seen[0] = t;
        }
        return;
      }
      if (parties.size() == PartyMemory.MAX_PARTIES) {
        boolean anyIdle =
            parties.values().stream().anyMatch(s -> newest - s[1] >= PartyMemory.MEMORY_MILLIS);
        if (anyIdle) {
          parties.values().removeIf(s -> newest - s[1] >= PartyMemory.MEMORY_MILLIS);
        } else {
          Map.Entry<Long, long[]> stalest = null;
          for (Map.Entry<Long, long[]> p : parties.entrySet()) {
            if (stalest == null || p.getValue()[1] < stalest.getValue()[1]) {
              stalest = p;
            }
          }
          parties.remove(stalest.getKey());
        }
      }
      parties.put(party, new long[] {t, t});
    }

    int startedIn(long from, long to) {
      return (int) parties.values().stream().filter(s -> s[0] >= from && s[0] < to).count();
    }

    boolean isNew(long party, long t) {
      long[] seen = parties.get(party);
      if (seen == null || seen[0] >= t) {
        return true;
      }
      return seen[1] < t && t - seen[1] >= PartyMemory.MEMORY_MILLIS;
    }
  }
}

package io.amlmonitor.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The reusable distinct set against a hash set: values and marked values counted once, across its
 * move from a short array to a table, and unchanged by what earlier uses left behind.
 */
class DistinctSetTest {
  @Property(tries = 100, seed = "20261121")
  void countsAsAHashSetDoesAcrossReuses(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DistinctSet set = new DistinctSet();
    for (int use = 0; use < 20; use++) {
      int adds = random.nextInt(0, random.nextBoolean() ? 12 : 600);
      long[] pool = new long[random.nextInt(1, 2 * adds + 2)];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = random.nextInt(10) == 0 ? 0 : random.nextLong();
      }
      Set<Long> values = new HashSet<>();
      Set<Long> marked = new HashSet<>();
      set.reset(adds);
      for (int i = 0; i < adds; i++) {
        long v = pool[random.nextInt(pool.length)];
        boolean mark = random.nextBoolean();
        set.add(v, mark);
        if (v != 0) {
          values.add(v);
          if (mark) {
            marked.add(v);
          }
        }
        assertThat(set.size()).as("size after %d adds", i + 1).isEqualTo(values.size());
        assertThat(set.marked()).as("marked after %d adds", i + 1).isEqualTo(marked.size());
      }
    }
  }
}

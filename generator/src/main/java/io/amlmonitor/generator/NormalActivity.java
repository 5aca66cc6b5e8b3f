package io.amlmonitor.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every customer's ordinary transactions on one day, unsorted. A day's output depends only on the
 * seed and the day, so days can be generated one at a time, in any order, with the same result.
 */
final class NormalActivity {
  private final long seed;
  private final SyntheticPopulation population;
  private final DayClock clock;
  private final QuietCalendar quiet;
  private final EverydaySpending spending;
  private final RecurringSchedule schedule;

  NormalActivity(long seed, SyntheticPopulation population, DayClock clock, QuietCalendar quiet) {
    this.seed = seed;
    this.population = population;
    this.clock = clock;
    this.quiet = quiet;
    this.spending = new EverydaySpending(population, quiet);
    this.schedule = new RecurringSchedule(population, quiet);
  }

  List<Draft> generate(int dayIndex) {
    SplittableRandom rng = Seeds.random(seed, Seeds.Purpose.DAY, dayIndex);
    Day day = Day.of(clock, dayIndex);
    List<Draft> out = new ArrayList<>(population.size() * 2);
    for (int i = 0; i < population.size(); i++) {
      if (quiet.isQuiet(i, dayIndex)) {
        continue;
      }
      CustomerProfile profile = population.profile(i);
      spending.generate(profile, day, rng, out);
      schedule.generate(profile, day, rng, out);
    }
    return out;
  }
}

package io.amlmonitor.generator;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The state of episode planning: a shuffled pool of customers not yet involved, and a budget of how
 * many more may be. Each customer takes part in at most one episode.
 */
final class Planning {
  /** How far down the pool to look for a preferred customer before settling for another. */
  private static final int SCAN_LIMIT = 10_000;

  private final SplittableRandom rng;
  private final SyntheticPopulation population;
  private final DayClock clock;
  private final QuietCalendar quiet;
  private final int[] pool;
  private int taken;
  private int budget;
  private int reserved;

  Planning(
      SplittableRandom rng,
      SyntheticPopulation population,
      DayClock clock,
      QuietCalendar quiet,
      int budget) {
    this.rng = rng;
    this.population = population;
    this.clock = clock;
    this.quiet = quiet;
    this.budget = budget;
    this.pool = new int[population.size()];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = i;
    }
    for (int i = pool.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = pool[i];
      pool[i] = pool[j];
      pool[j] = swap;
    }
  }

  SplittableRandom rng() {
    return rng;
  }

  DayClock clock() {
    return clock;
  }

  QuietCalendar quiet() {
    return quiet;
  }

  /** How many more customers the scenario being planned may involve. */
  int budget() {
    return budget - reserved;
  }

  /** Holds back {@code customers} of the budget for scenarios still to come. */
  void reserve(int customers) {
    reserved = customers;
  }

  /** The next uninvolved customer whose persona satisfies {@code wanted}, if the budget allows. */
  OptionalInt take(Predicate<Persona> wanted) {
    if (budget() <= 0) {
      return OptionalInt.empty();
    }
    int limit = Math.min(pool.length, taken + SCAN_LIMIT);
    for (int i = taken; i < limit; i++) {
      if (wanted.test(population.profile(pool[i]).persona())) {
        int chosen = pool[i];
        pool[i] = pool[taken];
        pool[taken++] = chosen;
        budget--;
        return OptionalInt.of(chosen);
      }
    }
    return OptionalInt.empty();
  }

  /** The next uninvolved customer, preferring ones that satisfy {@code preferred}. */
  OptionalInt takePreferring(Predicate<Persona> preferred) {
    OptionalInt found = take(preferred);
    return found.isPresent() ? found : take(p -> true);
  }

  /** {@code count} customers at once, preferring some, or none when budget or pool is short. */
  Optional<int[]> takeMany(int count, Predicate<Persona> preferred) {
    if (count > budget() || count > pool.length - taken) {
      return Optional.empty();
    }
    int[] chosen = new int[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = takePreferring(preferred).getAsInt();
    }
    return Optional.of(chosen);
  }

  /** A start day leaving {@code spanDays} for the episode to finish inside the period. */
  int startDay(int spanDays) {
    return rng.nextInt(Math.max(1, clock.days() - spanDays + 1));
  }

  Episode episode(Scenario scenario, int[] participants, int startDay) {
    return new Episode(scenario, participants, startDay, rng.nextLong());
  }
}

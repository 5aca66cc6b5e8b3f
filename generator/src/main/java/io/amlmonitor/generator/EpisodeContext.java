package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Merchant;
import java.util.List;
import java.util.SplittableRandom;

/** What a scenario may look at while playing an episode: the population and the calendar. */
final class EpisodeContext {
  private final SyntheticPopulation population;
  private final DayClock clock;

  EpisodeContext(SyntheticPopulation population, DayClock clock) {
    this.population = population;
    this.clock = clock;
  }

  Persona persona(int index) {
    return population.profile(index).persona();
  }

  int days() {
    return clock.days();
  }

  /** Local midnight starting {@code day}; {@code days()} is the end of the period. */
  long start(int day) {
    return clock.start(Math.min(day, clock.days()));
  }

  Merchant merchant(List<MerchantCategory> categories, SplittableRandom rng) {
    return population.directory().pick(Sampling.pick(rng, categories), rng);
  }
}

package io.amlmonitor.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides every laundering episode before the first transaction is generated: which typology, who
 * takes part and on which day it starts. Episodes start uniformly over the period, each on
 * customers of its own, until {@code launderingShare} of the customers are involved.
 */
final class EpisodePlanner {
  /**
   * Cheapest first, so that a small budget still covers as many typologies as it can. Together the
   * minimums come to {@link #ALL_TYPOLOGIES_BUDGET}.
   */
  static final List<Scenario> SCENARIOS =
      List.of(
          new StructuringScenario(),
          new VelocityBurstScenario(),
          new AccountTakeoverScenario(),
          new FanOutScenario(),
          new NightActivityScenario(),
          new HighRiskGeographyScenario(),
          new DormantReactivationScenario(),
          new RapidMovementScenario(),
          new CycleScenario(),
          new FanInScenario());

  /** The smallest budget that holds one episode of every typology. */
  static final int ALL_TYPOLOGIES_BUDGET =
      SCENARIOS.stream().mapToInt(Scenario::minParticipants).sum();

  /** Consecutive failed attempts after which the leftover budget is too small to use. */
  private static final int MAX_FAILURES = 100;

  private EpisodePlanner() {}

  /** The episodes ordered by start day; equal days keep planning order. */
  static List<Episode> plan(Planning planning) {
    List<Episode> episodes = new ArrayList<>();
    // One of each first, holding back enough for the rest of the round, so that every typology
    // appears whenever the budget allows it.
    int reserved = ALL_TYPOLOGIES_BUDGET;
    for (Scenario scenario : SCENARIOS) {
      reserved -= scenario.minParticipants();
      planning.reserve(reserved);
      if (planning.budget() >= scenario.minParticipants()) {
        scenario.plan(planning).ifPresent(episodes::add);
      }
    }
    planning.reserve(0);
    int failures = 0;
    while (planning.budget() > 0 && failures < MAX_FAILURES) {
      Scenario scenario = Sampling.pick(planning.rng(), SCENARIOS);
      Optional<Episode> episode =
          planning.budget() >= scenario.minParticipants()
              ? scenario.plan(planning)
              : Optional.empty();
      if (episode.isPresent()) {
        episodes.add(episode.get());
        failures = 0;
      } else {
        failures++;
      }
    }
    episodes.sort(Comparator.comparingInt(Episode::startDay));
    return episodes;
  }

  /** How many customers the configuration asks to involve. */
  static int budget(GeneratorConfig config) {
    return (int) Math.round(config.launderingShare() * config.customers());
  }
}

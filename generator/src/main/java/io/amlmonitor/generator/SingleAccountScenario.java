package io.amlmonitor.generator;

import java.util.Optional;

/** A typology played by one account alone, planned on any free customer. */
interface SingleAccountScenario extends Scenario {
  /** How many days an episode may span, so that it can start early enough to finish. */
  int spanDays();

  @Override
  default int minParticipants() {
    return 1;
  }

  @Override
  default Optional<Episode> plan(Planning planning) {
    return planning.take(p -> true).stream()
        .mapToObj(c -> planning.episode(this, new int[] {c}, planning.startDay(spanDays())))
        .findFirst();
  }
}

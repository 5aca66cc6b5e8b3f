package io.amlmonitor.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One planned laundering episode. Planning is cheap and happens up front; the transactions are
 * played only when the stream reaches {@code startDay}, from the episode's own seed, so memory
 * holds at most the episodes still in progress.
 *
 * @param participants indices of the customers involved, in the scenario's own order
 */
record Episode(Scenario scenario, int[] participants, int startDay, long seed) {
  Typology typology() {
    return scenario.typology();
  }

  void play(EpisodeContext context, List<Draft> out) {
    scenario.play(this, context, new SplittableRandom(seed), out);
  }
}

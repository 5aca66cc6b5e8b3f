package io.amlmonitor.generator;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How one laundering typology plays out: whom it involves and when ({@link #plan}), then the
 * transactions it makes ({@link #play}). Every transaction played carries {@link #typology()}.
 */
interface Scenario {
  Typology typology();

  /** The fewest customers one episode involves. */
  int minParticipants();

  /**
   * Plans one episode, taking its customers from the planning pool, or returns empty when the pool
   * or the remaining budget cannot host one. Must not take customers and then give up.
   */
  Optional<Episode> plan(Planning planning);

  /**
   * Appends the episode's transactions. All fall at or after the midnight starting {@link
   * Episode#startDay()}; those after the period ends are dropped by the caller.
   */
  void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out);
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@link Typology#CYCLE}: money goes round a ring of three to six accounts and back to the first
 * within a few days, each hop keeping back a small fee. Participants: the ring, in order.
 */
final class CycleScenario implements Scenario {
  private static final List<Channel> CHANNELS =
      List.of(Channel.PIX, Channel.TRANSFER, Channel.WIRE);

  @Override
  public Typology typology() {
    return Typology.CYCLE;
  }

  @Override
  public int minParticipants() {
    return 3;
  }

  @Override
  public Optional<Episode> plan(Planning planning) {
    int size = Math.min(Sampling.between(planning.rng(), 3, 6), planning.budget());
    if (size < 3) {
      return Optional.empty();
    }
    return planning
        .takeMany(size, p -> true)
        .map(ring -> planning.episode(this, ring, planning.startDay(5)));
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    int[] ring = episode.participants();
    long at =
        context.start(episode.startDay())
            + Sampling.betweenMillis(rng, 8 * DayClock.HOUR, 18 * DayClock.HOUR);
    long cents = Sampling.amountCents(rng, 40_000, 0.6, 10_000, 400_000);
    for (int i = 0; i < ring.length; i++) {
      Persona payer = context.persona(ring[i]);
      Payee payee = Payee.of(context.persona(ring[(i + 1) % ring.length]));
      out.add(
          Draft.toAccount(
              at,
              payer,
              payee,
              cents,
              Sampling.pick(rng, CHANNELS),
              Session.usual(payer, rng),
              typology()));
      cents = Math.round(cents * (0.95 + 0.045 * rng.nextDouble()));
      at += Sampling.betweenMillis(rng, DayClock.HOUR, 18 * DayClock.HOUR);
    }
  }
}

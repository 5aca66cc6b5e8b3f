package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@link Typology#RAPID_MOVEMENT}: a large transfer into a pass-through account, then 80 to 100% of
 * it sent on in two to five transfers within a few hours. Participants: source, pass-through.
 */
final class RapidMovementScenario implements Scenario {
  private static final List<Channel> CHANNELS =
      List.of(Channel.PIX, Channel.TRANSFER, Channel.WIRE);
  private static final List<String> ONWARD_COUNTRIES =
      List.of("BR", "BR", "BR", "PY", "UY", "PA", "AE", "HK");

  @Override
  public Typology typology() {
    return Typology.RAPID_MOVEMENT;
  }

  @Override
  public int minParticipants() {
    return 2;
  }

  @Override
  public Optional<Episode> plan(Planning planning) {
    return planning
        .takeMany(2, p -> true)
        .map(pair -> planning.episode(this, pair, planning.startDay(2)));
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona source = context.persona(episode.participants()[0]);
    Persona through = context.persona(episode.participants()[1]);
    long in =
        context.start(episode.startDay())
            + Sampling.betweenMillis(rng, 8 * DayClock.HOUR, 18 * DayClock.HOUR);
    long total = Sampling.amountCents(rng, 60_000, 0.7, 15_000, 800_000);
    out.add(
        Draft.toAccount(
            in,
            source,
            Payee.of(through),
            total,
            Sampling.pick(rng, CHANNELS),
            Session.usual(source, rng),
            typology()));
    int count = Sampling.between(rng, 2, 5);
    double[] weights = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      weights[i] = 0.5 + rng.nextDouble();
      sum += weights[i];
    }
    long onward = Math.round(total * (0.8 + 0.2 * rng.nextDouble()));
    long window = Sampling.betweenMillis(rng, DayClock.HOUR, 5 * DayClock.HOUR);
    long sent = 0;
    for (int i = 0; i < count; i++) {
      long cents = i == count - 1 ? onward - sent : Math.round(onward * weights[i] / sum);
      sent += cents;
      long at = in + 10 * DayClock.MINUTE + rng.nextLong(window);
      Payee payee = Payee.external(rng, Sampling.pick(rng, ONWARD_COUNTRIES));
      out.add(
          Draft.toAccount(
              at,
              through,
              payee,
              cents,
              Sampling.pick(rng, CHANNELS),
              Session.usual(through, rng),
              typology()));
    }
  }
}

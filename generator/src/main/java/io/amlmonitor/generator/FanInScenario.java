package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * {@link Typology#FAN_IN}: 10 to 30 mule accounts each send to one collecting account within one to
 * three days. Participants: the collector, then the mules, preferably recently opened personal
 * accounts, as mules usually are.
 */
final class FanInScenario implements Scenario {
  static final int MIN_MULES = 10;
  static final int MAX_MULES = 30;

  @Override
  public Typology typology() {
    return Typology.FAN_IN;
  }

  @Override
  public int minParticipants() {
    return MIN_MULES + 1;
  }

  @Override
  public Optional<Episode> plan(Planning planning) {
    int mules =
        Math.min(Sampling.between(planning.rng(), MIN_MULES, MAX_MULES), planning.budget() - 1);
    if (mules < MIN_MULES) {
      return Optional.empty();
    }
    Predicate<Persona> recent =
        p -> !p.isBusiness() && p.onboarding().isAfter(planning.clock().date(0).minusDays(365));
    return planning
        .takeMany(mules + 1, recent)
        .map(group -> planning.episode(this, group, planning.startDay(3)));
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    int[] group = episode.participants();
    Payee collector = Payee.of(context.persona(group[0]));
    long start = context.start(episode.startDay());
    long window = Sampling.betweenMillis(rng, DayClock.DAY, 3 * DayClock.DAY);
    for (int i = 1; i < group.length; i++) {
      Persona mule = context.persona(group[i]);
      int transfers = rng.nextDouble() < 0.2 ? 2 : 1;
      for (int t = 0; t < transfers; t++) {
        long cents = Sampling.amountCents(rng, 2_500, 0.6, 200, 9_500);
        Channel channel = rng.nextDouble() < 0.7 ? Channel.PIX : Channel.TRANSFER;
        out.add(
            Draft.toAccount(
                start + rng.nextLong(window),
                mule,
                collector,
                cents,
                channel,
                Session.usual(mule, rng),
                typology()));
      }
    }
  }
}

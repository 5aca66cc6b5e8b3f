package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.List;
import java.util.SplittableRandom;

/** {@link Typology#VELOCITY_BURST}: 15 to 40 small online payments within 5 to 20 minutes. */
final class VelocityBurstScenario implements SingleAccountScenario {
  private static final List<MerchantCategory> TARGETS =
      List.of(
          MerchantCategory.ONLINE_SERVICES,
          MerchantCategory.GAMBLING,
          MerchantCategory.ELECTRONICS,
          MerchantCategory.CLOTHING);

  @Override
  public Typology typology() {
    return Typology.VELOCITY_BURST;
  }

  @Override
  public int spanDays() {
    return 1;
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona p = context.persona(episode.participants()[0]);
    long first = context.start(episode.startDay()) + p.rhythm().millisOfDay(rng);
    long span = Sampling.betweenMillis(rng, 5 * DayClock.MINUTE, 20 * DayClock.MINUTE);
    int count = Sampling.between(rng, 15, 40);
    for (int i = 0; i < count; i++) {
      long at = i == 0 ? first : first + rng.nextLong(span);
      long cents = Sampling.amountCents(rng, 120, 0.8, 5, 3_000);
      Channel channel = rng.nextDouble() < 0.75 ? Channel.ONLINE : Channel.PIX;
      out.add(
          Draft.toMerchant(
              at,
              p,
              context.merchant(TARGETS, rng),
              cents,
              channel,
              Session.usual(p, rng),
              typology()));
    }
  }
}

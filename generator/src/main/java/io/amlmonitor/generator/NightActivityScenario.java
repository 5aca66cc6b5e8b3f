package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Typology#NIGHT_ACTIVITY}: three to ten transactions a night between midnight and 5 a.m.
 * local time, over three to seven consecutive nights: betting sites and transfers out.
 */
final class NightActivityScenario implements SingleAccountScenario {
  static final int MAX_NIGHTS = 7;

  private static final List<MerchantCategory> GAMBLING = List.of(MerchantCategory.GAMBLING);
  private static final List<MerchantCategory> ONLINE =
      List.of(MerchantCategory.ONLINE_SERVICES, MerchantCategory.ELECTRONICS);

  @Override
  public Typology typology() {
    return Typology.NIGHT_ACTIVITY;
  }

  @Override
  public int spanDays() {
    return MAX_NIGHTS;
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona p = context.persona(episode.participants()[0]);
    int nights = Sampling.between(rng, 3, MAX_NIGHTS);
    String device = rng.nextDouble() < 0.2 ? Network.device(rng) : p.devices()[0];
    for (int night = 0; night < nights && episode.startDay() + night < context.days(); night++) {
      long midnight = context.start(episode.startDay() + night);
      int count = Sampling.between(rng, 3, 10);
      for (int i = 0; i < count; i++) {
        long at = midnight + rng.nextLong(5 * DayClock.HOUR);
        long cents = Sampling.amountCents(rng, 400, 0.8, 20, 8_000);
        Session session = new Session(Network.sessionIp(p, rng), device, p.country());
        double kind = rng.nextDouble();
        if (kind < 0.4) {
          out.add(
              Draft.toMerchant(
                  at,
                  p,
                  context.merchant(GAMBLING, rng),
                  cents,
                  Channel.ONLINE,
                  session,
                  typology()));
        } else if (kind < 0.8) {
          out.add(
              Draft.toAccount(
                  at, p, Payee.external(rng, "BR"), cents, Channel.PIX, session, typology()));
        } else {
          out.add(
              Draft.toMerchant(
                  at,
                  p,
                  context.merchant(ONLINE, rng),
                  cents,
                  Channel.ONLINE,
                  session,
                  typology()));
        }
      }
    }
  }
}

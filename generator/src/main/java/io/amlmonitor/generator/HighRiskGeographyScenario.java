package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Typology#HIGH_RISK_GEOGRAPHY}: two to six sizeable transfers over a few days to accounts
 * in one or two {@link HighRiskJurisdictions}, in four episodes out of ten made from an address in
 * that country.
 */
final class HighRiskGeographyScenario implements SingleAccountScenario {
  static final int MAX_DAYS = 5;

  @Override
  public Typology typology() {
    return Typology.HIGH_RISK_GEOGRAPHY;
  }

  @Override
  public int spanDays() {
    return MAX_DAYS;
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona p = context.persona(episode.participants()[0]);
    String first = Sampling.pick(rng, HighRiskJurisdictions.CODES);
    String second = rng.nextBoolean() ? first : Sampling.pick(rng, HighRiskJurisdictions.CODES);
    boolean fromThere = rng.nextDouble() < 0.4;
    String country = fromThere ? first : p.country();
    String ip = fromThere ? Network.ip(first, rng) : null;
    long start = context.start(episode.startDay()) + 8 * DayClock.HOUR;
    long window = Sampling.betweenMillis(rng, 10 * DayClock.HOUR, (MAX_DAYS - 1) * DayClock.DAY);
    int count = Sampling.between(rng, 2, 6);
    for (int i = 0; i < count; i++) {
      long at = i == 0 ? start : start + rng.nextLong(window);
      Payee payee = Payee.external(rng, rng.nextBoolean() ? first : second);
      long cents = Sampling.amountCents(rng, 12_000, 0.8, 1_000, 300_000);
      Channel channel = rng.nextDouble() < 0.8 ? Channel.WIRE : Channel.TRANSFER;
      out.add(
          Draft.toAccount(
              at,
              p,
              payee,
              cents,
              channel,
              fromThere
                  ? new Session(ip, Network.sessionDevice(p, rng), country)
                  : Session.usual(p, rng),
              typology()));
    }
  }
}

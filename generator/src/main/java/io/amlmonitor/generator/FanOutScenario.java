package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.CustomerId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** {@link Typology#FAN_OUT}: one account sends to 10 to 30 distinct accounts within 1 to 2 days. */
final class FanOutScenario implements SingleAccountScenario {
  @Override
  public Typology typology() {
    return Typology.FAN_OUT;
  }

  @Override
  public int spanDays() {
    return 2;
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona p = context.persona(episode.participants()[0]);
    long first =
        context.start(episode.startDay())
            + Sampling.betweenMillis(rng, 7 * DayClock.HOUR, 12 * DayClock.HOUR);
    long window = Sampling.betweenMillis(rng, 12 * DayClock.HOUR, 36 * DayClock.HOUR);
    int count = Sampling.between(rng, 10, 30);
    Set<CustomerId> seen = new HashSet<>();
    while (seen.size() < count) {
      Payee payee = Payee.external(rng, "BR");
      if (!seen.add(payee.id())) {
        continue;
      }
      long at = seen.size() == 1 ? first : first + rng.nextLong(window);
      long cents = Sampling.amountCents(rng, 3_000, 0.5, 300, 9_900);
      Channel channel = rng.nextDouble() < 0.75 ? Channel.PIX : Channel.TRANSFER;
      out.add(Draft.toAccount(at, p, payee, cents, channel, Session.usual(p, rng), typology()));
    }
  }
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Merchant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Typology#STRUCTURING}: three to six amounts between 9,000.00 and 9,999.99 within 24 hours,
 * each under the 10,000 reporting threshold, to various merchants and accounts.
 */
final class StructuringScenario implements SingleAccountScenario {
  static final long MIN_CENTS = 900_000;
  static final long MAX_CENTS = 999_999;

  private static final List<MerchantCategory> SHOPS =
      List.of(MerchantCategory.JEWELRY, MerchantCategory.ELECTRONICS);

  @Override
  public Typology typology() {
    return Typology.STRUCTURING;
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
            + Sampling.betweenMillis(rng, 7 * DayClock.HOUR, 20 * DayClock.HOUR);
    long window = Sampling.betweenMillis(rng, 4 * DayClock.HOUR, 23 * DayClock.HOUR);
    int count = Sampling.between(rng, 3, 6);
    for (int i = 0; i < count; i++) {
      long at = i == 0 ? first : first + rng.nextLong(window);
      long cents = MIN_CENTS + rng.nextLong(MAX_CENTS - MIN_CENTS + 1);
      double kind = rng.nextDouble();
      if (kind < 0.3) {
        Merchant shop = context.merchant(SHOPS, rng);
        out.add(
            Draft.toMerchant(
                at, p, shop, cents, Channel.CARD, Session.inPerson(shop.country()), typology()));
      } else if (kind < 0.6) {
        // Cash deposited at a branch into someone else's account.
        out.add(
            Draft.toAccount(
                at,
                p,
                Payee.external(rng, "BR"),
                cents,
                Channel.CASH,
                Session.inPerson(p.country()),
                typology()));
      } else {
        Channel channel = Sampling.pick(rng, List.of(Channel.PIX, Channel.TRANSFER, Channel.WIRE));
        out.add(
            Draft.toAccount(
                at,
                p,
                Payee.external(rng, "BR"),
                cents,
                channel,
                Session.usual(p, rng),
                typology()));
      }
    }
  }
}

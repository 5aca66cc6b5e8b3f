package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Typology#ACCOUNT_TAKEOVER}: within an hour, four to eight payments several times larger
 * than the customer's usual, each from an address and a device the customer never used, half the
 * time from abroad.
 */
final class AccountTakeoverScenario implements SingleAccountScenario {
  private static final List<String> ATTACKER_COUNTRIES =
      List.of("NG", "RU", "CN", "RO", "UA", "VN", "ID", "US");
  private static final List<MerchantCategory> TARGETS =
      List.of(
          MerchantCategory.ELECTRONICS, MerchantCategory.JEWELRY, MerchantCategory.ONLINE_SERVICES);

  @Override
  public Typology typology() {
    return Typology.ACCOUNT_TAKEOVER;
  }

  @Override
  public int spanDays() {
    return 1;
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona p = context.persona(episode.participants()[0]);
    String country = rng.nextBoolean() ? Sampling.pick(rng, ATTACKER_COUNTRIES) : p.country();
    long first = context.start(episode.startDay()) + rng.nextLong(23 * DayClock.HOUR);
    long span = Sampling.betweenMillis(rng, 15 * DayClock.MINUTE, 59 * DayClock.MINUTE);
    double usual = EverydaySpending.meanTicket(p);
    int count = Sampling.between(rng, 4, 8);
    for (int i = 0; i < count; i++) {
      long at = i == 0 ? first : first + rng.nextLong(span);
      long cents =
          Math.round(Math.min(60_000, Math.max(1_500, usual * (3 + 12 * rng.nextDouble()))) * 100);
      Session stranger =
          new Session(
              unused(p.ips(), () -> Network.ip(country, rng)),
              unused(p.devices(), () -> Network.device(rng)),
              country);
      if (rng.nextDouble() < 0.6) {
        Channel channel = rng.nextBoolean() ? Channel.PIX : Channel.TRANSFER;
        out.add(
            Draft.toAccount(
                at, p, Payee.external(rng, "BR"), cents, channel, stranger, typology()));
      } else {
        out.add(
            Draft.toMerchant(
                at,
                p,
                context.merchant(TARGETS, rng),
                cents,
                Channel.ONLINE,
                stranger,
                typology()));
      }
    }
  }

  private static String unused(String[] known, java.util.function.Supplier<String> fresh) {
    String candidate = fresh.get();
    while (Arrays.asList(known).contains(candidate)) {
      candidate = fresh.get();
    }
    return candidate;
  }
}

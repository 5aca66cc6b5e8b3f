package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * {@link Typology#DORMANT_REACTIVATION}: a personal account that has been silent, sending and
 * receiving nothing, for 60 to 120 days suddenly sends two to five large transfers within two days,
 * then falls silent again. When the period is shorter than the dormancy, the account is silent from
 * the start and was opened long enough before to have been dormant.
 */
final class DormantReactivationScenario implements Scenario {
  static final int MIN_DORMANT_DAYS = 60;

  private static final List<Channel> CHANNELS =
      List.of(Channel.PIX, Channel.TRANSFER, Channel.WIRE);
  private static final List<String> DESTINATIONS =
      List.of("BR", "BR", "BR", "BR", "PY", "UY", "US", "PT");

  @Override
  public Typology typology() {
    return Typology.DORMANT_REACTIVATION;
  }

  @Override
  public int minParticipants() {
    return 1;
  }

  @Override
  public Optional<Episode> plan(Planning planning) {
    SplittableRandom rng = planning.rng();
    int days = planning.clock().days();
    int dormancy = Sampling.between(rng, MIN_DORMANT_DAYS, 2 * MIN_DORMANT_DAYS);
    int wake;
    int silentFrom;
    if (days > dormancy + 2) {
      wake = Sampling.between(rng, dormancy, days - 2);
      silentFrom = wake - dormancy;
    } else {
      wake = Sampling.between(rng, days / 2, days - 1);
      silentFrom = 0;
    }
    LocalDate openedBy = planning.clock().date(wake).minusDays(dormancy + 30L);
    OptionalInt chosen = planning.take(p -> !p.isBusiness() && p.onboarding().isBefore(openedBy));
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    // Silent until the end: after the cash-out the account is abandoned.
    planning.quiet().silence(chosen.getAsInt(), silentFrom, days);
    return Optional.of(planning.episode(this, new int[] {chosen.getAsInt()}, wake));
  }

  @Override
  public void play(Episode episode, EpisodeContext context, SplittableRandom rng, List<Draft> out) {
    Persona p = context.persona(episode.participants()[0]);
    long first =
        context.start(episode.startDay())
            + Sampling.betweenMillis(rng, 9 * DayClock.HOUR, 14 * DayClock.HOUR);
    long window = Sampling.betweenMillis(rng, 4 * DayClock.HOUR, 2 * DayClock.DAY);
    boolean newPhone = rng.nextBoolean();
    Session session =
        newPhone
            ? new Session(Network.ip(p.country(), rng), Network.device(rng), p.country())
            : new Session(p.ips()[0], p.devices()[0], p.country());
    int count = Sampling.between(rng, 2, 5);
    for (int i = 0; i < count; i++) {
      long at = i == 0 ? first : first + rng.nextLong(window);
      long cents = Sampling.amountCents(rng, 25_000, 0.7, 5_000, 500_000);
      Payee payee = Payee.external(rng, Sampling.pick(rng, DESTINATIONS));
      out.add(
          Draft.toAccount(at, p, payee, cents, Sampling.pick(rng, CHANNELS), session, typology()));
    }
  }
}

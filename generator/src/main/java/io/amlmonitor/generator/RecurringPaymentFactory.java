package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws a customer's monthly obligations: bills, school fees, rent, remittances. */
final class RecurringPaymentFactory {
  /**
   * Where remittances go. Venezuela and Haiti are on the high-risk list, as they are for real
   * diaspora families in Brazil, so that the destination alone is not proof of laundering.
   */
  private static final List<String> REMITTANCE_COUNTRIES =
      List.of("VE", "HT", "BO", "PY", "CO", "PE", "AR", "AO");

  private RecurringPaymentFactory() {}

  static RecurringPayment[] create(
      Persona persona, Persona[] everyone, MerchantDirectory merchants, SplittableRandom rng) {
    List<RecurringPayment> payments = new ArrayList<>();
    double scale = persona.spendScale();
    double size = persona.isBusiness() ? 8 : 1;
    payments.add(bill(MerchantCategory.UTILITIES, 150 * size * Math.sqrt(scale), merchants, rng));
    if (rng.nextDouble() < 0.6) {
      payments.add(bill(MerchantCategory.UTILITIES, 80 * size, merchants, rng));
    }
    payments.add(
        bill(MerchantCategory.TELECOM, 110 * (persona.isBusiness() ? 5 : 1), merchants, rng));
    if (!persona.isBusiness() && rng.nextDouble() < 0.5) {
      payments.add(bill(MerchantCategory.TELECOM, 60, merchants, rng));
    }
    if (!persona.isBusiness() && rng.nextDouble() < 0.15) {
      payments.add(bill(MerchantCategory.EDUCATION, 900 * scale, merchants, rng));
    }
    if (rng.nextDouble() < (persona.isBusiness() ? 0.7 : 0.3)) {
      payments.add(rent(persona, everyone, rng));
    }
    if (!persona.isBusiness() && rng.nextDouble() < 0.02) {
      Payee family = Payee.external(rng, Sampling.pick(rng, REMITTANCE_COUNTRIES));
      long cents = Sampling.amountCents(rng, 600, 0.6, 100, 5_000);
      payments.add(
          new RecurringPayment(
              null, family, cents, 0.3, Sampling.between(rng, 5, 25), Channel.WIRE));
    }
    return payments.toArray(RecurringPayment[]::new);
  }

  private static RecurringPayment bill(
      MerchantCategory category, double median, MerchantDirectory merchants, SplittableRandom rng) {
    long cents = Sampling.amountCents(rng, median, 0.4, 10, 200_000);
    // Most bills are direct debits, which banks post before dawn; the rest are paid by pix.
    Channel channel = rng.nextDouble() < 0.6 ? Channel.ONLINE : Channel.PIX;
    return new RecurringPayment(
        merchants.pick(category, rng), null, cents, 0.15, Sampling.between(rng, 1, 25), channel);
  }

  private static RecurringPayment rent(Persona tenant, Persona[] everyone, SplittableRandom rng) {
    Payee landlord = null;
    if (!tenant.isBusiness() && rng.nextDouble() < 0.6) {
      Persona candidate = everyone[rng.nextInt(everyone.length)];
      if (candidate != tenant && !candidate.isBusiness()) {
        landlord = Payee.of(candidate);
      }
    }
    if (landlord == null) {
      landlord = Payee.external(rng, "BR");
    }
    double median = tenant.isBusiness() ? 8_000 : 1_500;
    long cents = Sampling.amountCents(rng, median * tenant.spendScale(), 0.5, 300, 200_000);
    Channel channel = rng.nextDouble() < 0.7 ? Channel.PIX : Channel.TRANSFER;
    return new RecurringPayment(null, landlord, cents, 0, Sampling.between(rng, 5, 10), channel);
  }
}

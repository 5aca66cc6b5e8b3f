package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Merchant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A customer's discretionary transactions on one day: purchases, person-to-person transfers and
 * cash withdrawals for individuals; purchases and supplier payments for businesses. The count is
 * Poisson around the customer's activity, shaped by weekday and time of month.
 */
final class EverydaySpending {
  static final double P2P_SHARE = 0.12;
  static final double ATM_SHARE = 0.04;
  static final double SUPPLIER_SHARE = 0.45;
  static final double EXTERNAL_P2P_SHARE = 0.3;

  private static final double P2P_MEDIAN = 80;
  private static final double P2P_SIGMA = 1.1;
  private static final double ATM_MEDIAN = 250;
  private static final double ATM_SIGMA = 0.7;
  private static final double SUPPLIER_MEDIAN = 3_500;
  private static final double SUPPLIER_SIGMA = 1.1;

  private final SyntheticPopulation population;
  private final QuietCalendar quiet;

  EverydaySpending(SyntheticPopulation population, QuietCalendar quiet) {
    this.population = population;
    this.quiet = quiet;
  }

  /** The expected amount of one discretionary transaction, for declared volumes. */
  static double meanTicket(Persona p) {
    if (p.isBusiness()) {
      return p.spendScale()
          * ((1 - SUPPLIER_SHARE) * MerchantCategory.meanBusinessPurchase()
              + SUPPLIER_SHARE * Sampling.logNormalMean(SUPPLIER_MEDIAN, SUPPLIER_SIGMA));
    }
    return p.spendScale()
        * ((1 - P2P_SHARE - ATM_SHARE) * MerchantCategory.meanPersonalPurchase()
            + P2P_SHARE * Sampling.logNormalMean(P2P_MEDIAN, P2P_SIGMA)
            + ATM_SHARE * Sampling.logNormalMean(ATM_MEDIAN, ATM_SIGMA));
  }

  void generate(CustomerProfile profile, Day day, SplittableRandom rng, List<Draft> out) {
    Persona p = profile.persona();
    double mean =
        p.activity() * p.rhythm().dayFactor(day.date().getDayOfWeek()) * day.monthFactor();
    int count = Sampling.poisson(rng, mean);
    for (int k = 0; k < count; k++) {
      long at = day.at(p.rhythm().millisOfDay(rng));
      double kind = rng.nextDouble();
      if (p.isBusiness()) {
        if (kind < SUPPLIER_SHARE && profile.suppliers().length > 0) {
          supplier(profile, day, at, rng, out);
        } else {
          purchase(p, MerchantCategory.forBusinessPurchase(rng), at, rng, out);
        }
      } else if (kind < P2P_SHARE) {
        personToPerson(profile, day, at, rng, out);
      } else if (kind < P2P_SHARE + ATM_SHARE) {
        withdrawal(p, at, rng, out);
      } else {
        purchase(p, MerchantCategory.forPersonalPurchase(rng), at, rng, out);
      }
    }
  }

  private void purchase(
      Persona p, MerchantCategory category, long at, SplittableRandom rng, List<Draft> out) {
    Merchant merchant = population.directory().pick(category, rng);
    long cents = category.amountCents(rng, p.spendScale());
    Channel channel =
        rng.nextDouble() < category.onlineShare()
            ? Channel.ONLINE
            : rng.nextDouble() < 0.85 ? Channel.CARD : Channel.PIX;
    if (channel == Channel.CARD) {
      // In person: no session, and the customer is wherever the shop is.
      out.add(
          Draft.toMerchant(
              at,
              p,
              merchant,
              cents,
              channel,
              Session.inPerson(merchant.country()),
              Typology.NONE));
    } else {
      out.add(
          Draft.toMerchant(at, p, merchant, cents, channel, Session.usual(p, rng), Typology.NONE));
    }
  }

  private void personToPerson(
      CustomerProfile profile, Day day, long at, SplittableRandom rng, List<Draft> out) {
    Persona p = profile.persona();
    Payee payee;
    if (profile.contacts().length == 0 || rng.nextDouble() < EXTERNAL_P2P_SHARE) {
      payee = Payee.external(rng, "BR");
    } else {
      int contact = profile.contacts()[rng.nextInt(profile.contacts().length)];
      if (quiet.isQuiet(contact, day.index())) {
        return;
      }
      payee = Payee.of(population.profile(contact).persona());
    }
    long cents = Sampling.amountCents(rng, P2P_MEDIAN * p.spendScale(), P2P_SIGMA, 2, 30_000);
    double draw = rng.nextDouble();
    Channel channel =
        draw < 0.82
            ? Channel.PIX
            : draw < 0.94 ? Channel.TRANSFER : draw < 0.98 ? Channel.CASH : Channel.WIRE;
    if (channel == Channel.CASH) {
      // A cash deposit into someone else's account, made at a branch: no session.
      out.add(
          Draft.toAccount(
              at, p, payee, cents, channel, Session.inPerson(p.country()), Typology.NONE));
    } else {
      out.add(Draft.toAccount(at, p, payee, cents, channel, Session.usual(p, rng), Typology.NONE));
    }
  }

  private void withdrawal(Persona p, long at, SplittableRandom rng, List<Draft> out) {
    Merchant atm = population.directory().pick(MerchantCategory.ATM, rng);
    long reais = Sampling.amountCents(rng, ATM_MEDIAN * p.spendScale(), ATM_SIGMA, 20, 3_000) / 100;
    // Machines dispense notes: round to fifty, never below twenty.
    long cents = Math.max(20, Math.round(reais / 50.0) * 50) * 100;
    out.add(
        Draft.toMerchant(
            at, p, atm, cents, Channel.ATM, Session.inPerson(atm.country()), Typology.NONE));
  }

  private void supplier(
      CustomerProfile profile, Day day, long at, SplittableRandom rng, List<Draft> out) {
    Persona p = profile.persona();
    Payee supplier = profile.suppliers()[rng.nextInt(profile.suppliers().length)];
    if (supplier.isInternal() && quiet.isQuiet(supplier.index(), day.index())) {
      return;
    }
    long cents =
        Sampling.amountCents(rng, SUPPLIER_MEDIAN * p.spendScale(), SUPPLIER_SIGMA, 50, 2_000_000);
    double draw = rng.nextDouble();
    Channel channel = draw < 0.3 ? Channel.WIRE : draw < 0.65 ? Channel.TRANSFER : Channel.PIX;
    out.add(Draft.toAccount(at, p, supplier, cents, channel, Session.usual(p, rng), Typology.NONE));
  }
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Monthly payments falling due on a day: bills, rent, remittances, and salaries for employers. */
final class RecurringSchedule {
  private final SyntheticPopulation population;
  private final QuietCalendar quiet;

  RecurringSchedule(SyntheticPopulation population, QuietCalendar quiet) {
    this.population = population;
    this.quiet = quiet;
  }

  void generate(CustomerProfile profile, Day day, SplittableRandom rng, List<Draft> out) {
    for (RecurringPayment payment : profile.recurring()) {
      if (day.date().equals(payment.dueIn(day.date()))) {
        pay(profile.persona(), payment, day, rng, out);
      }
    }
    if (profile.employees().length > 0 && day.date().equals(payday(profile, day.date()))) {
      payroll(profile, day, rng, out);
    }
  }

  private void pay(
      Persona p, RecurringPayment payment, Day day, SplittableRandom rng, List<Draft> out) {
    Payee payee = payment.payee();
    if (payee != null && payee.isInternal() && quiet.isQuiet(payee.index(), day.index())) {
      return;
    }
    long cents =
        Math.max(
            1,
            Math.round(
                payment.baseCents() * (1 + payment.variation() * (2 * rng.nextDouble() - 1))));
    Channel channel = payment.channel();
    boolean debit = channel == Channel.ONLINE;
    // Direct debits post in the bank's early-morning batch, without a customer session.
    long at =
        day.at(
            debit
                ? 3 * DayClock.HOUR + rng.nextLong(3 * DayClock.HOUR)
                : p.rhythm().millisOfDay(rng));
    Session session = debit ? Session.inPerson(p.country()) : Session.usual(p, rng);
    out.add(
        payment.merchant() != null
            ? Draft.toMerchant(at, p, payment.merchant(), cents, channel, session, Typology.NONE)
            : Draft.toAccount(at, p, payee, cents, channel, session, Typology.NONE));
  }

  /** Salaries are paid on the employer's payday, brought forward to Friday at a weekend. */
  private static LocalDate payday(CustomerProfile employer, LocalDate date) {
    LocalDate due = date.withDayOfMonth(employer.payday());
    DayOfWeek weekday = due.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY) {
      return due.minusDays(1);
    }
    return weekday == DayOfWeek.SUNDAY ? due.minusDays(2) : due;
  }

  /** One payroll run: every employee paid within two minutes of an early-morning batch. */
  private void payroll(CustomerProfile employer, Day day, SplittableRandom rng, List<Draft> out) {
    Persona p = employer.persona();
    long batch = 6 * DayClock.HOUR + rng.nextLong(3 * DayClock.HOUR);
    Session office = new Session(p.ips()[0], p.devices()[0], p.country());
    for (int index : employer.employees()) {
      if (quiet.isQuiet(index, day.index())) {
        continue;
      }
      CustomerProfile employee = population.profile(index);
      long at = day.at(batch + rng.nextLong(2 * DayClock.MINUTE));
      out.add(
          Draft.toAccount(
              at,
              p,
              Payee.of(employee.persona()),
              employee.salaryCents(),
              Channel.TRANSFER,
              office,
              Typology.NONE));
    }
  }
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.Merchant;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A monthly payment on a fixed day: a bill to a utility or telecom merchant, school fees, rent to a
 * landlord, a remittance home. Exactly one of {@code merchant} and {@code payee} is set.
 *
 * @param variation how far a month's amount strays from {@code baseCents}, as a fraction
 * @param dayOfMonth 1 to 25, so that a weekend shift never leaves the month
 */
record RecurringPayment(
    Merchant merchant,
    Payee payee,
    long baseCents,
    double variation,
    int dayOfMonth,
    Channel channel) {

  /** The day it is paid in {@code date}'s month: the due day, or the Monday after a weekend. */
  LocalDate dueIn(LocalDate date) {
    LocalDate due = date.withDayOfMonth(dayOfMonth);
    DayOfWeek weekday = due.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY) {
      return due.plusDays(2);
    }
    return weekday == DayOfWeek.SUNDAY ? due.plusDays(1) : due;
  }
}

package io.amlmonitor.generator;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Draws one customer's persona: KYC facts, activity level, usual addresses and devices. */
final class PersonaFactory {
  static final double BUSINESS_SHARE = 0.08;
  static final double NIGHT_SHIFT_SHARE = 0.03;

  private static final List<String> PERSONAL_SEGMENTS =
      List.of(
          "salaried",
          "civil_servant",
          "self_employed",
          "student",
          "retired",
          "unemployed",
          "informal");
  private static final double[] PERSONAL_SEGMENT_TOTALS =
      Sampling.cumulative(new double[] {52, 8, 14, 8, 10, 4, 4});
  private static final List<String> BUSINESS_SEGMENTS =
      List.of(
          "retail",
          "food_service",
          "services",
          "construction",
          "technology",
          "logistics",
          "import_export",
          "agribusiness",
          "consulting");
  private static final List<String> FOREIGN_COUNTRIES =
      List.of("AR", "PT", "US", "UY", "PY", "CL", "CO", "DE", "IT", "JP", "CN");

  private PersonaFactory() {}

  static Persona create(int index, LocalDate firstDay, SplittableRandom rng) {
    boolean business = rng.nextDouble() < BUSINESS_SHARE;
    String segment =
        business
            ? Sampling.pick(rng, BUSINESS_SEGMENTS)
            : PERSONAL_SEGMENTS.get(Sampling.pickCumulative(rng, PERSONAL_SEGMENT_TOTALS));
    String country = rng.nextDouble() < 0.94 ? "BR" : Sampling.pick(rng, FOREIGN_COUNTRIES);
    // Onboarded at least a month before the period; most accounts are a few years old.
    long age = 30 + Math.min(15 * 365, (long) (900 * Sampling.exponential(rng)));
    LocalDate onboarding = firstDay.minusDays(age);
    boolean pep = !business && rng.nextDouble() < ("civil_servant".equals(segment) ? 0.03 : 0.003);
    Rhythm rhythm =
        business
            ? Rhythm.BUSINESS
            : rng.nextDouble() < NIGHT_SHIFT_SHARE ? Rhythm.NIGHT_SHIFT : Rhythm.PERSONAL;
    // Heavy-tailed activity: most people pay something most days, a few pay dozens of times.
    double activity =
        business
            ? clamp(Sampling.logNormal(rng, 3.0, 0.9), 0.2, 80)
            : clamp(Sampling.logNormal(rng, 0.8, 0.75), 0.05, 25);
    double spendScale = Sampling.logNormal(rng, 1.0, business ? 0.5 : 0.4);
    spendScale *= pep ? 1.5 : "student".equals(segment) ? 0.6 : 1.0;
    String[] ips = new String[Sampling.between(rng, 1, 3)];
    for (int i = 0; i < ips.length; i++) {
      ips[i] = Network.ip(country, rng);
    }
    String[] devices = new String[Sampling.between(rng, 1, 2)];
    for (int i = 0; i < devices.length; i++) {
      devices[i] = Network.device(rng);
    }
    return new Persona(
        index,
        CustomerId.of(Ids.customer(index + 1)),
        business ? CustomerType.BUSINESS : CustomerType.INDIVIDUAL,
        segment,
        country,
        onboarding,
        pep,
        rhythm,
        activity,
        spendScale,
        ips,
        devices);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}

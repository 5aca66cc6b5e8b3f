package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the population in three passes: personas, then relationships (employers, contacts,
 * suppliers, bills), then the KYC records, whose declared monthly volume is what the customer will
 * actually send, give or take the optimism of an onboarding form.
 */
final class PopulationFactory {
  static final double DAYS_PER_MONTH = 30.44;

  private static final int[] PAYDAYS = {5, 5, 5, 10, 15, 20, 25};

  private PopulationFactory() {}

  static SyntheticPopulation create(GeneratorConfig config) {
    SplittableRandom rng = Seeds.random(config.seed(), Seeds.Purpose.POPULATION, 0);
    MerchantDirectory merchants = MerchantFactory.create(config.merchants(), rng);
    int count = config.customers();
    Persona[] personas = new Persona[count];
    for (int i = 0; i < count; i++) {
      personas[i] = PersonaFactory.create(i, config.startDate(), rng);
    }
    int[] employers = assignEmployers(personas, rng);
    int[][] employees = employeesByEmployer(employers);
    double[] monthly = new double[count];
    long[] salaries = new long[count];
    RecurringPayment[][] recurring = new RecurringPayment[count][];
    for (int i = 0; i < count; i++) {
      recurring[i] = RecurringPaymentFactory.create(personas[i], personas, merchants, rng);
      monthly[i] = discretionaryMonthly(personas[i]) + sum(recurring[i]);
      if (employers[i] >= 0) {
        // Pay covers spending with a little to spare, and never below the minimum wage.
        double salary = Math.max(1_518, monthly[i] * (1.0 + 0.3 * rng.nextDouble()));
        salaries[i] = Math.round(salary / 10) * 1_000;
      }
    }
    for (int i = 0; i < count; i++) {
      for (int employee : employees[i]) {
        monthly[i] += salaries[employee] / 100.0;
      }
    }
    List<CustomerProfile> profiles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Persona p = personas[i];
      Customer customer =
          new Customer(
              p.id(),
              p.type(),
              p.country(),
              p.segment(),
              declared(monthly[i], rng),
              p.onboarding(),
              p.pep());
      profiles.add(
          new CustomerProfile(
              p,
              customer,
              p.isBusiness() ? new int[0] : contacts(p, count, rng),
              p.isBusiness() ? suppliers(p, personas, rng) : new Payee[0],
              recurring[i],
              employers[i],
              salaries[i],
              p.isBusiness() ? PAYDAYS[rng.nextInt(PAYDAYS.length)] : 0,
              employees[i]));
    }
    return new SyntheticPopulation(profiles, merchants);
  }

  /** What a customer sends per month through everyday spending, on average. */
  private static double discretionaryMonthly(Persona p) {
    return DAYS_PER_MONTH
        * p.activity()
        * p.rhythm().weeklyAverage()
        * EverydaySpending.meanTicket(p);
  }

  /** Employers follow a Zipf law too: a few large companies employ most salaried customers. */
  private static int[] assignEmployers(Persona[] personas, SplittableRandom rng) {
    int[] businesses =
        Arrays.stream(personas).filter(Persona::isBusiness).mapToInt(Persona::index).toArray();
    int[] employers = new int[personas.length];
    Arrays.fill(employers, -1);
    if (businesses.length == 0) {
      return employers;
    }
    double[] weights = new double[businesses.length];
    for (int rank = 0; rank < weights.length; rank++) {
      weights[rank] = 1.0 / (rank + 1);
    }
    double[] totals = Sampling.cumulative(weights);
    for (Persona p : personas) {
      if (p.isEmployed()) {
        employers[p.index()] = businesses[Sampling.pickCumulative(rng, totals)];
      }
    }
    return employers;
  }

  private static int[][] employeesByEmployer(int[] employers) {
    int[] counts = new int[employers.length];
    for (int employer : employers) {
      if (employer >= 0) {
        counts[employer]++;
      }
    }
    int[][] employees = new int[employers.length][];
    for (int i = 0; i < employers.length; i++) {
      employees[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int i = 0; i < employers.length; i++) {
      if (employers[i] >= 0) {
        employees[employers[i]][counts[employers[i]]++] = i;
      }
    }
    return employees;
  }

  private static int[] contacts(Persona p, int count, SplittableRandom rng) {
    if (count < 2) {
      return new int[0];
    }
    int[] contacts = new int[Sampling.between(rng, 2, 6)];
    for (int i = 0; i < contacts.length; i++) {
      int other = rng.nextInt(count - 1);
      contacts[i] = other >= p.index() ? other + 1 : other;
    }
    return contacts;
  }

  private static Payee[] suppliers(Persona p, Persona[] personas, SplittableRandom rng) {
    Payee[] suppliers = new Payee[Sampling.between(rng, 3, 10)];
    for (int i = 0; i < suppliers.length; i++) {
      Persona candidate = personas[rng.nextInt(personas.length)];
      suppliers[i] =
          candidate.isBusiness() && candidate != p && rng.nextBoolean()
              ? Payee.of(candidate)
              : Payee.external(rng, "BR");
    }
    return suppliers;
  }

  private static double sum(RecurringPayment[] payments) {
    double total = 0;
    for (RecurringPayment payment : payments) {
      total += payment.baseCents() / 100.0;
    }
    return total;
  }

  /** The volume declared at onboarding: the true one, misjudged a little and rounded. */
  private static Money declared(double monthly, SplittableRandom rng) {
    double guess = Math.max(100, Sampling.logNormal(rng, monthly, 0.25));
    return Money.of(new BigDecimal(guess).round(new MathContext(2)));
  }
}

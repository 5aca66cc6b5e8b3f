package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Merchant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One medium dataset shared by the tests that study behaviour: large enough that every typology
 * appears (a budget of 30 customers) and a dormancy fits inside the period, small enough to
 * generate in well under a second.
 */
final class Fixtures {
  static final GeneratorConfig CONFIG = GeneratorConfig.of(1_500, 120, 75, 7L);

  private Fixtures() {}

  static Generator generator() {
    return Holder.GENERATOR;
  }

  static List<LabelledTransaction> transactions() {
    return Holder.TRANSACTIONS;
  }

  static Map<String, Customer> customersById() {
    return Holder.GENERATOR.customers().stream()
        .collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
  }

  static Map<String, Merchant> merchantsById() {
    return Holder.GENERATOR.merchants().stream()
        .collect(Collectors.toMap(m -> m.id().value(), Function.identity()));
  }

  static ZonedDateTime local(LabelledTransaction t, ZoneId zone) {
    return t.transaction().timestamp().atZone(zone);
  }

  /** Initialised on first use, once per test JVM. */
  private static final class Holder {
    static final Generator GENERATOR = Generator.create(CONFIG);
    static final List<LabelledTransaction> TRANSACTIONS = GENERATOR.transactions().toList();
  }
}

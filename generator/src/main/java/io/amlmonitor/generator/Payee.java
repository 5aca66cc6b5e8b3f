package io.amlmonitor.generator;

import io.amlmonitor.core.domain.CustomerId;
import java.util.SplittableRandom;

/**
 * An account that receives a transfer: one of our customers ({@code index >= 0}) or an account at
 * another institution ({@code index == -1}, id {@code X0000001}, absent from customers.csv).
 */
record Payee(CustomerId id, String country, int index) {
  /** Accounts at other institutions are drawn from this many ids, so some recur. */
  static final int EXTERNAL_ACCOUNTS = 9_999_999;

  static Payee of(Persona persona) {
    return new Payee(persona.id(), persona.country(), persona.index());
  }

  static Payee external(SplittableRandom rng, String country) {
    return new Payee(CustomerId.of(Ids.external(1 + rng.nextInt(EXTERNAL_ACCOUNTS))), country, -1);
  }

  boolean isInternal() {
    return index >= 0;
  }
}

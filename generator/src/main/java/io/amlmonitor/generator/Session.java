package io.amlmonitor.generator;

import java.util.SplittableRandom;

/**
 * Where a payment was made from: the address and device of the online session, both null when it
 * was made in person, and the country the payer was in.
 */
record Session(String ip, String device, String country) {
  /** At a till, a cash machine or a branch counter: no address, no device. */
  static Session inPerson(String country) {
    return new Session(null, null, country);
  }

  /** An ordinary session of {@code persona}, from home, mostly on familiar devices. */
  static Session usual(Persona persona, SplittableRandom rng) {
    return new Session(
        Network.sessionIp(persona, rng), Network.sessionDevice(persona, rng), persona.country());
  }
}

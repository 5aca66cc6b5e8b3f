package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.generator.GeneratorConfig;
import java.time.ZoneId;

/**
 * Builds generator configurations from command-line values; a bad value is a configuration error.
 */
final class Populations {
  private Populations() {}

  static GeneratorConfig config(
      int customers, int merchants, int days, long seed, double launderingShare, ZoneId zone) {
    try {
      return GeneratorConfig.of(customers, merchants, days, seed)
          .startingOn(GeneratorConfig.defaults().startDate(), zone)
          .withLaunderingShare(launderingShare);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("generator", null, e.getMessage());
    }
  }
}

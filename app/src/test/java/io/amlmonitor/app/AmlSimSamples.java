package io.amlmonitor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The AMLSim samples kept beside the repository ({@code ../shared/data/amlsim-samples}), found from
 * wherever the tests run: they are external data, absent from a bare checkout.
 */
final class AmlSimSamples {
  static final String FOLDER = "shared/data/amlsim-samples";

  private AmlSimSamples() {}

  /** {@code transactions.csv} of {@code sample}, if the samples are there. */
  static Optional<Path> transactions(String sample) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(FOLDER).resolve(sample).resolve("transactions.csv");
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}

package io.amlmonitor.app;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** {@code aml import} and {@code aml export} on the embedded database file. */
class EmbeddedImportExportTest extends ImportExportContract {
  @TempDir static Path dataDir;

  @Override
  Map<String, String> store() {
    return Map.of("AML_DATA_DIR", dataDir.toString());
  }
}

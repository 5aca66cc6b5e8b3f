package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@code aml import} reads and {@code aml export} writes. */
enum FileFormat {
  CSV,
  PARQUET;

  /**
   * {@code text} when given ({@code csv} or {@code parquet}), else the format the file's extension
   * names.
   *
   * @throws ConfigException naming {@code option} when neither says which format
   */
  static FileFormat of(String option, String text, Path file) {
    if (text != null) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(option, text, "must be csv or parquet");
      }
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    throw new ConfigException(
        "FILE",
        file.toString(),
        "ends in neither .csv nor .parquet; give " + option + " csv or " + option + " parquet");
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

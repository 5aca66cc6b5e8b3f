package io.amlmonitor.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares; each maps onto the setting of the same meaning. */
public final class CommonOptions {
  @Option(
      names = "--verbose",
      description = "Show detail on the console (the log file always has it).")
  boolean verbose;

  @Option(
      names = "--locale",
      paramLabel = "TAG",
      description = "Language of explanations: en or pt-BR (AML_LOCALE).")
  String locale;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rules file (AML_RULES_FILE); default: the bundled rule set.")
  String rules;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Zone for night and weekend (AML_TIMEZONE), e.g. America/Sao_Paulo.")
  String timezone;

  @Option(
      names = "--alert-threshold",
      paramLabel = "SCORE",
      description = "Lowest score that raises an alert, 0–1 (ALERT_THRESHOLD).")
  String alertThreshold;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the embedded database and other local data live (AML_DATA_DIR, default data).")
  String dataDir;

  /** The flags given, as settings overrides. */
  public Map<String, String> asSettings() {
    Map<String, String> m = new HashMap<>();
    put(m, "AML_LOCALE", locale);
    put(m, "AML_RULES_FILE", rules);
    put(m, "AML_TIMEZONE", timezone);
    put(m, "ALERT_THRESHOLD", alertThreshold);
    put(m, "AML_DATA_DIR", dataDir);
    return m;
  }

  static void put(Map<String, String> m, String key, Object value) {
    if (value != null) {
      m.put(key, String.valueOf(value));
    }
  }
}

package io.amlmonitor.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where settings come from, first match wins: command-line flags, then environment variables, then
 * a {@code .env} file in the working directory, then the built-in defaults.
 */
public final class ConfigSources {
  private final Map<String, String> flags;
  private final Map<String, String> environment;
  private final Map<String, String> dotEnv;

  public ConfigSources(
      Map<String, String> flags, Map<String, String> environment, Map<String, String> dotEnv) {
    this.flags = new HashMap<>(flags);
    this.environment = Map.copyOf(environment);
    this.dotEnv = Map.copyOf(dotEnv);
  }

  /** Flags over the process environment over {@code ./.env}. */
  public static ConfigSources standard(Map<String, String> flags) {
    return new ConfigSources(flags, System.getenv(), readDotEnv(Path.of(".env")));
  }

  /** The value of {@code name}, or null when no source sets it (blank counts as unset). */
  public String get(String name) {
    for (Map<String, String> source : List.of(flags, environment, dotEnv)) {
      String v = source.get(name);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /**
   * Reads {@code KEY=VALUE} lines; blank lines and {@code #} comments are skipped, an {@code
   * export} prefix and surrounding quotes are removed. A missing file is empty.
   */
  public static Map<String, String> readDotEnv(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(file + " line " + (i + 1), line, "expected KEY=VALUE");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(key, value);
    }
    return values;
  }
}

package io.amlmonitor.app.config;

/** A setting with a value the program cannot run with; the message names both. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String setting, String value, String problem) {
    super(setting + "=" + (value == null ? "" : "'" + value + "'") + ": " + problem);
  }
}

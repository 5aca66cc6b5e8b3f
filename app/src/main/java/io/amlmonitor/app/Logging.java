package io.amlmonitor.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Log levels at run time: the file under logs/ gets LOG_LEVEL; the console only what matters. */
final class Logging {
  private Logging() {}

  static void configure(String level, boolean verbose) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    context.getLogger("io.amlmonitor").setLevel(Level.toLevel(level, Level.INFO));
    if (verbose) {
      context.getLogger("io.amlmonitor").setLevel(Level.DEBUG);
    }
    System.setProperty("aml.console.level", verbose ? "DEBUG" : "WARN");
    var console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    if (console != null) {
      console.clearAllFilters();
      ch.qos.logback.classic.filter.ThresholdFilter filter =
          new ch.qos.logback.classic.filter.ThresholdFilter();
      filter.setLevel(verbose ? "DEBUG" : "WARN");
      filter.start();
      console.addFilter(filter);
    }
  }
}

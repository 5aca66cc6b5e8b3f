package io.amlmonitor.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Log levels at run time: the file under logs/ gets LOG_LEVEL; the console only what matters.
 *
 * <p>Only when SLF4J logs through Logback, as it does from the {@code aml} launcher. Under {@code
 * flink run} the job jar brings no Logback: SLF4J logs through the cluster's Log4j, which the
 * cluster configures, and this class leaves it alone. The Logback calls live in a nested class that
 * is loaded only then.
 */
final class Logging {
  private Logging() {}

  static void configure(String level, boolean verbose) {
    if (logback()) {
      Logback.configure(level, verbose);
    }
  }

  /**
   * Adds {@code logs/flows/flows-DATE.log} (under AML_LOG_DIR when set) for the flows' own loggers,
   * beside the main log, so that a run's detail is found in one place.
   */
  static void flowLog() {
    if (logback()) {
      Logback.flowLog();
    }
  }

  private static boolean logback() {
    return LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.");
  }

  /** What the console and the flows' log file show, when Logback logs. */
  private static final class Logback {
    private Logback() {}

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
        ConsoleFilter filter = new ConsoleFilter(verbose);
        filter.start();
        console.addFilter(filter);
      }
    }

    static void flowLog() {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      String dir =
          System.getProperty("AML_LOG_DIR", System.getenv().getOrDefault("AML_LOG_DIR", "logs"));
      ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder =
          new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern(
          "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n");
      encoder.start();
      ch.qos.logback.core.FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file =
          new ch.qos.logback.core.FileAppender<>();
      file.setContext(context);
      file.setName("FLOWS");
      file.setFile(
          dir + "/flows/flows-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log");
      file.setEncoder(encoder);
      file.start();
      for (String name : new String[] {"io.amlmonitor.core.flow", FlowRunner.class.getName()}) {
        context.getLogger(name).addAppender(file);
      }
    }
  }

  /**
   * What the console shows: everything from DEBUG with verbose; otherwise our own warnings and
   * everyone's errors. The libraries' warnings (Flink's, Kafka's, Redis's client) say nothing a
   * user can act on in normal runs; they stay in the log file.
   */
  static final class ConsoleFilter
      extends ch.qos.logback.core.filter.Filter<ch.qos.logback.classic.spi.ILoggingEvent> {
    private final boolean verbose;

    ConsoleFilter(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public ch.qos.logback.core.spi.FilterReply decide(
        ch.qos.logback.classic.spi.ILoggingEvent event) {
      Level level = event.getLevel();
      boolean shown =
          verbose
              ? level.isGreaterOrEqual(Level.DEBUG)
              : level.isGreaterOrEqual(Level.ERROR)
                  || (level.isGreaterOrEqual(Level.WARN)
                      && event.getLoggerName().startsWith("io.amlmonitor"));
      return shown
          ? ch.qos.logback.core.spi.FilterReply.NEUTRAL
          : ch.qos.logback.core.spi.FilterReply.DENY;
    }
  }
}

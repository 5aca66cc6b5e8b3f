package io.amlmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class LoggingTest {
  private static LoggingEvent event(String logger, Level level) {
    LoggerContext context = new LoggerContext();
    return new LoggingEvent(
        LoggingTest.class.getName(), context.getLogger(logger), level, "message", null, null);
  }

  @Test
  void theConsoleShowsOurWarningsAndEveryonesErrorsButNotLibraryWarnings() {
    Logging.ConsoleFilter filter = new Logging.ConsoleFilter(false);

    assertThat(filter.decide(event("io.amlmonitor.app.Demo", Level.WARN)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("org.apache.flink.Metrics", Level.ERROR)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("org.apache.flink.Metrics", Level.WARN)))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("io.amlmonitor.app.Demo", Level.INFO)))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void verboseShowsEverythingFromDebug() {
    Logging.ConsoleFilter filter = new Logging.ConsoleFilter(true);

    assertThat(filter.decide(event("org.apache.kafka.Client", Level.WARN)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("io.amlmonitor.core.X", Level.DEBUG)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("io.amlmonitor.core.X", Level.TRACE)))
        .isEqualTo(FilterReply.DENY);
  }
}

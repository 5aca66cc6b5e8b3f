package io.amlmonitor.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs {@code aml} with given command instances (their output streams, clocks, latches). */
final class Commands {
  private Commands() {}

  /**
   * Runs {@code args} through {@link Main#execute}, using {@code command} wherever picocli would
   * make an instance of its class.
   *
   * @return the exit code
   */
  static int run(Object command, ByteArrayOutputStream err, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls.isInstance(command)) {
              return cls.cast(command);
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    CommandLine cli = new CommandLine(new Main(), factory);
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return Main.execute(cli, args);
  }
}

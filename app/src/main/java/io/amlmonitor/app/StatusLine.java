package io.amlmonitor.app;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A progress line for long work: redrawn in place on a terminal, printed as ordinary lines when the
 * output goes to a file or a CI log.
 */
final class StatusLine {
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private long lastShown = System.nanoTime();

  StatusLine(PrintStream out) {
    this.out = out;
  }

  /** Whether lines are redrawn in place (so every update may be shown). */
  boolean isTerminal() {
    return terminal;
  }

  void show(String line) {
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /**
   * Shows the line {@code line} gives if the last was shown long enough ago: a quarter of a second
   * on a terminal, five seconds in a file or a CI log, which should stay readable.
   */
  void showEvery(Supplier<String> line) {
    long now = System.nanoTime();
    if (now - lastShown >= (terminal ? 250_000_000L : 5_000_000_000L)) {
      lastShown = now;
      show(line.get());
    }
  }

  /** Moves past the redrawn line, if any. */
  void end() {
    if (terminal) {
      out.println();
    }
  }
}

package io.amlmonitor.app;

import java.io.PrintStream;

/**
 * A progress line for long work: redrawn in place on a terminal, printed as ordinary lines when the
 * output goes to a file or a CI log.
 */
final class StatusLine {
  private final PrintStream out;
  private final boolean terminal = System.console() != null;

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

  /** Moves past the redrawn line, if any. */
  void end() {
    if (terminal) {
      out.println();
    }
  }
}

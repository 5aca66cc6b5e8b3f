package io.amlmonitor.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) for a command that must finish stopping before the JVM goes: the JVM halts as
 * soon as its shutdown hooks return, so the hook asks the command to stop, then waits until {@link
 * #close()} says it has (or {@code limit} passes).
 */
final class ShutdownWait implements AutoCloseable {
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;
  private boolean registered;

  /**
   * @param stop counted down when the JVM is asked to end
   * @param limit how long the hook holds the JVM; null for as long as the command takes
   */
  ShutdownWait(CountDownLatch stop, Duration limit, String name) {
    this.hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                if (limit == null) {
                  done.await();
                } else {
                  done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
  }

  /** From now on, Ctrl-C stops the command and waits for it. */
  void register() {
    Runtime.getRuntime().addShutdownHook(hook);
    registered = true;
  }

  /** The command has stopped: a hook that is running lets the JVM go. */
  @Override
  public void close() {
    done.countDown();
    if (registered) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and has just been released
      }
    }
  }
}

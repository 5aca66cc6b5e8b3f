package io.amlmonitor.core.flow;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notifications an outbox holds that are due, and records each outcome: delivered, or
 * tried again later with back-off (one minute, doubling up to six hours), or, after the last
 * attempt, marked failed and logged (kept for an operator to send again).
 */
public final class NotificationDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(6);

  /** What one pass did. */
  public record Outcome(int delivered, int retrying, int failed) {}

  private final NotificationOutbox outbox;
  private final Map<String, AlertNotifier> notifiers;
  private final InstantSource clock;
  private final int maxAttempts;

  /**
   * @param notifiers by channel; a pending notification for a channel not here stays pending
   * @param maxAttempts attempts before a notification is marked failed
   */
  public NotificationDelivery(
      NotificationOutbox outbox,
      Map<String, AlertNotifier> notifiers,
      InstantSource clock,
      int maxAttempts) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.notifiers = Map.copyOf(notifiers);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be positive, was " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  /** The channels notifications go to. */
  public List<String> channels() {
    return List.copyOf(notifiers.keySet());
  }

  /**
   * Sends everything due now, channel by channel, until nothing due is left. The first failure on a
   * channel ends its pass: the rest of its notifications wait for the next one instead of each
   * knocking on a receiver that is down.
   */
  public Outcome deliverDue() {
    int[] counts = new int[3];
    Instant started = clock.instant();
    for (Map.Entry<String, AlertNotifier> e : notifiers.entrySet()) {
      deliver(e.getKey(), e.getValue(), started, counts);
    }
    return new Outcome(counts[0], counts[1], counts[2]);
  }

  private void deliver(String channel, AlertNotifier n, Instant started, int[] counts) {
    while (true) {
      List<NotificationOutbox.Pending> due = outbox.due(channel, started, 500);
      if (due.isEmpty()) {
        return;
      }
      for (NotificationOutbox.Pending p : due) {
        int attempts = p.attempts() + 1;
        try {
          n.send(p.alert());
          outbox.delivered(p.alert().alertId(), channel, clock.instant());
          counts[0]++;
        } catch (AlertNotifier.NotificationException e) {
          boolean givenUp = attempts >= maxAttempts;
          Instant next = clock.instant().plus(backOff(attempts));
          outbox.failed(p.alert().alertId(), channel, attempts, next, e.getMessage(), givenUp);
          if (givenUp) {
            counts[2]++;
            LOG.error(
                "notification of alert {} to {} failed {} times; kept as failed: {}",
                p.alert().alertId(),
                channel,
                attempts,
                e.getMessage());
          } else {
            counts[1]++;
            LOG.warn(
                "notifications to {} failed ({}); the rest due wait for the next pass, this one"
                    + " is retried from {}",
                channel,
                e.getMessage(),
                next);
          }
          counts[1] += (int) outbox.countDue(channel, started);
          return;
        }
      }
    }
  }

  static Duration backOff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }
}

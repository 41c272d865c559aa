package io.medsyn.llm.openai;

/**
 * Books each request the next free moment of an even spacing, so that requests waiting for their turn leave one
 * interval apart rather than together. No credit builds up while idle: after a pause the next request goes at once,
 * the one after it an interval later, so not even the start of a run bursts.
 */
final class SendSchedule {
  private final long intervalNanos;
  private long nextNanos = Long.MIN_VALUE;

  SendSchedule(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** Books the next free moment at or after {@code now} and returns the nanoseconds until it. */
  synchronized long reserve(long now) {
    long at = Math.max(now, nextNanos);
    nextNanos = at + intervalNanos;
    return at - now;
  }
}

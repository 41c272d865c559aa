package io.medsyn.llm.openai;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * One request per {@code interval} on average, measured at the moment each goes on the wire; blocks the sending
 * thread (an OkHttp call thread, one per open request anyway) until its turn. Requests that left late and would
 * bunch are spread out again instead of reaching the endpoint together.
 *
 * <p>This is the virtual-scheduling form of the generic cell rate algorithm (GCRA): each send moves a theoretical
 * time on by one interval, and a send may come at most half an interval before that time. The tolerance keeps a
 * thread that overslept from pushing every later send back, and no window of {@code n} intervals ever holds more
 * than {@code n + 1} sends.
 */
final class SendSpacing {
  private final long intervalNanos;
  private final long toleranceNanos;
  private long theoreticalNanos;
  private boolean first = true;
  private boolean closed;

  SendSpacing(long intervalNanos) {
    this.intervalNanos = intervalNanos;
    this.toleranceNanos = intervalNanos / 2;
  }

  synchronized void admit() throws InterruptedIOException {
    try {
      while (true) {
        if (closed) {
          throw new InterruptedIOException("the backend was closed");
        }
        long now = System.nanoTime();
        long wait = first ? 0 : theoreticalNanos - toleranceNanos - now;
        if (wait <= 0) {
          theoreticalNanos = (first ? now : Math.max(theoreticalNanos, now)) + intervalNanos;
          first = false;
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the rate limit");
    }
  }

  /** Releases every waiting sender with an error. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }
}

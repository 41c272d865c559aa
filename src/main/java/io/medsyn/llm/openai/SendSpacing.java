package io.medsyn.llm.openai;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * At least {@code interval} nanoseconds between two requests, measured at the moment each goes on the wire; blocks
 * the sending thread (an OkHttp call thread, one per open request anyway) until then. Requests that left late and
 * would bunch are spread out again instead of reaching the endpoint together.
 */
final class SendSpacing {
  private final long intervalNanos;
  private long lastNanos;
  private boolean first = true;
  private boolean closed;

  SendSpacing(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  synchronized void admit() throws InterruptedIOException {
    try {
      while (true) {
        if (closed) {
          throw new InterruptedIOException("the backend was closed");
        }
        long now = System.nanoTime();
        long wait = first ? 0 : lastNanos + intervalNanos - now;
        if (wait <= 0) {
          first = false;
          lastNanos = now;
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

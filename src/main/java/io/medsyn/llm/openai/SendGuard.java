package io.medsyn.llm.openai;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * A bound on what goes on the wire, checked at the moment of sending: {@link #admit} blocks the sending thread (an
 * OkHttp call thread, one per open request anyway) until the bound lets the amount through. Subclasses say only
 * how long to wait; closing and interruption are handled here once.
 */
abstract class SendGuard {
  private boolean closed;

  /**
   * Counts {@code amount} as sent at {@code now} and returns 0 when the bound allows it, else the nanoseconds to
   * wait before asking again. Called with this guard's lock held.
   */
  abstract long tryAdmit(long amount, long now);

  /** Waits until {@code amount} may go, then counts it as sent now. */
  final synchronized void admit(long amount) throws InterruptedIOException {
    try {
      while (true) {
        if (closed) {
          throw new InterruptedIOException("the backend was closed");
        }
        long wait = tryAdmit(amount, System.nanoTime());
        if (wait <= 0) {
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
  final synchronized void close() {
    closed = true;
    notifyAll();
  }
}

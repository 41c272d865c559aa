package io.medsyn.llm.openai;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A hard sliding-window bound on what is actually put on the wire: at most {@code capacity} units (requests or
 * tokens) within any window of {@code window} nanoseconds, counted at the moment of sending. It blocks the sending
 * thread (an OkHttp call thread, one per open request anyway) until the amount fits. An amount larger than the whole
 * capacity goes alone into an empty window.
 */
final class SendWindow {
  private final long capacity;
  private final long windowNanos;
  private final Deque<long[]> sent = new ArrayDeque<>();
  private long inWindow;
  private boolean closed;

  SendWindow(long capacity, long windowNanos) {
    this.capacity = capacity;
    this.windowNanos = windowNanos;
  }

  /** Waits until {@code amount} fits, then counts it as sent now. */
  synchronized void admit(long amount) throws InterruptedIOException {
    try {
      while (true) {
        if (closed) {
          throw new InterruptedIOException("the backend was closed");
        }
        long now = System.nanoTime();
        while (!sent.isEmpty() && sent.peekFirst()[0] <= now - windowNanos) {
          inWindow -= sent.pollFirst()[1];
        }
        if (inWindow + amount <= capacity || sent.isEmpty()) {
          sent.addLast(new long[] {now, amount});
          inWindow += amount;
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, sent.peekFirst()[0] + windowNanos - now);
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

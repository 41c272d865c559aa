package io.medsyn.llm.openai;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A hard sliding-window bound on what is actually put on the wire: at most {@code capacity} units (requests or
 * tokens) within any window of {@code window} nanoseconds, counted at the moment of sending. An amount larger than
 * the whole capacity goes alone into an empty window.
 */
final class SendWindow extends SendGuard {
  private final long capacity;
  private final long windowNanos;
  private final Deque<long[]> sent = new ArrayDeque<>();
  private long inWindow;

  SendWindow(long capacity, long windowNanos) {
    this.capacity = capacity;
    this.windowNanos = windowNanos;
  }

  /** The spacing that fills the window exactly: {@code window / capacity}. */
  long interval() {
    return windowNanos / capacity;
  }

  @Override
  long tryAdmit(long amount, long now) {
    while (!sent.isEmpty() && sent.peekFirst()[0] <= now - windowNanos) {
      inWindow -= sent.pollFirst()[1];
    }
    if (inWindow + amount <= capacity || sent.isEmpty()) {
      sent.addLast(new long[] {now, amount});
      inWindow += amount;
      return 0;
    }
    return sent.peekFirst()[0] + windowNanos - now;
  }
}

package io.medsyn.llm.openai;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How many requests one backend keeps open at once, adapted the way TCP adapts its window (AIMD): a 429 halves the
 * bound, each success raises it by 1/bound (so by one per bound's worth of successes), never above the configured
 * maximum nor below one. A 429 halves only if its request was sent after the last halving: the answers to requests
 * already under way when the endpoint pushed back say nothing new.
 *
 * <p>Slots are granted asynchronously in arrival order, except that retries go first: they have waited already.
 */
final class InFlightLimit {
  private final int max;
  private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private double bound;
  private int inFlight;
  private long lastDecreaseNanos = Long.MIN_VALUE;

  InFlightLimit(int max) {
    this.max = max;
    this.bound = max;
  }

  /** A future that completes when a slot is free; the holder must {@link #release()} it exactly once. */
  CompletableFuture<Void> acquire(boolean retry) {
    CompletableFuture<Void> slot = new CompletableFuture<>();
    synchronized (this) {
      if (waiting.isEmpty() && inFlight < (int) bound) {
        inFlight++;
        return CompletableFuture.completedFuture(null);
      }
      if (retry) {
        waiting.addFirst(slot);
      } else {
        waiting.addLast(slot);
      }
    }
    return slot;
  }

  void release() {
    List<CompletableFuture<Void>> granted = new ArrayList<>();
    synchronized (this) {
      inFlight--;
      grant(granted);
    }
    // Completed outside the lock: the holders' continuations run inline and may call back into this object.
    granted.forEach(slot -> slot.complete(null));
  }

  /**
   * A request sent at {@code sentNanos} (System.nanoTime) was answered 429.
   *
   * @return whether this halved the bound
   */
  synchronized boolean onRateLimited(long sentNanos) {
    if (sentNanos <= lastDecreaseNanos) {
      return false;
    }
    bound = Math.max(1, Math.floor(bound / 2));
    lastDecreaseNanos = System.nanoTime();
    return true;
  }

  void onSuccess() {
    List<CompletableFuture<Void>> granted = new ArrayList<>();
    synchronized (this) {
      bound = Math.min(max, bound + 1 / bound);
      grant(granted);
    }
    granted.forEach(slot -> slot.complete(null));
  }

  /** Fails every waiting acquirer, for a backend that closes or has become unusable. */
  void failWaiting(Throwable cause) {
    List<CompletableFuture<Void>> failed;
    synchronized (this) {
      failed = new ArrayList<>(waiting);
      waiting.clear();
    }
    failed.forEach(slot -> slot.completeExceptionally(cause));
  }

  synchronized int bound() {
    return (int) bound;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  private void grant(List<CompletableFuture<Void>> granted) {
    while (!waiting.isEmpty() && inFlight < (int) bound) {
      inFlight++;
      granted.add(waiting.pollFirst());
    }
  }
}

package io.medsyn.llm.openai;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a retry. Exponential backoff with full jitter (a uniform draw in [0, min(max, base * 2^(n-1))]),
 * which spreads the retries of many clients best (AWS Architecture Blog, "Exponential Backoff And Jitter"). When
 * the endpoint named a wait ({@code Retry-After}), that wait is honoured, up to {@code retryAfterMax}, plus a jitter
 * of up to {@code base} so that the requests it turned away do not all return in the same millisecond.
 */
public record Backoff(long baseMs, long maxMs, Duration retryAfterMax) {
  /** Milliseconds to wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
  long delayMs(int failedAttempts, AttemptFailure failure) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (failure.retryAfter().isPresent()) {
      Duration asked = failure.retryAfter().get();
      long honoured = Math.min(asked.toMillis() + (asked.toNanosPart() % 1_000_000 > 0 ? 1 : 0),
          retryAfterMax.toMillis());
      return honoured + random.nextLong(baseMs + 1);
    }
    return delayMs(failedAttempts);
  }

  /** Milliseconds to wait after the {@code failedAttempts}-th failure when the other side named no wait. */
  public long delayMs(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 62);
    long ceiling = baseMs > (maxMs >> doublings) ? maxMs : Math.min(maxMs, baseMs << doublings);
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }
}

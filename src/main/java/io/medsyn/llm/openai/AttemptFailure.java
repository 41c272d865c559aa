package io.medsyn.llm.openai;

import io.medsyn.llm.ErrorClass;
import java.time.Duration;
import java.util.Optional;

/**
 * One attempt that brought no note. Retry decides on {@link #retryable()}; the last one becomes the request's
 * {@link io.medsyn.llm.GenerationException}. No stack trace: these are expected outcomes, counted by the thousand.
 */
public final class AttemptFailure extends Exception {
  private final ErrorClass errorClass;
  private final boolean retryable;
  private final Duration retryAfter;

  private AttemptFailure(ErrorClass errorClass, String message, boolean retryable, Duration retryAfter) {
    super(message, null, false, false);
    this.errorClass = errorClass;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** A failure retried or not as its class usually is: transient classes yes, the request's own faults no. */
  public static AttemptFailure of(ErrorClass errorClass, String message) {
    return new AttemptFailure(errorClass, message, transientClass(errorClass), null);
  }

  /** A 429 or 503 that named how long to wait. */
  static AttemptFailure of(ErrorClass errorClass, String message, Duration retryAfter) {
    return new AttemptFailure(errorClass, message, transientClass(errorClass), retryAfter);
  }

  /** The same failure, final: no further attempt. */
  AttemptFailure notRetryable() {
    return retryable ? new AttemptFailure(errorClass, getMessage(), false, retryAfter) : this;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  public boolean retryable() {
    return retryable;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static boolean transientClass(ErrorClass errorClass) {
    return switch (errorClass) {
      case RATE_LIMITED, SERVER, TIMEOUT, CONNECTION, TRUNCATED, EMPTY, MALFORMED, SCHEMA -> true;
      case EXPIRED -> true;
      case BAD_REQUEST, AUTH, CIRCUIT_OPEN, BUDGET, CANCELLED, INTERNAL -> false;
    };
  }
}

package io.medsyn.llm.openai;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * One Spark task's part of the job's request and token limits, in two layers. Both run on a window stretched by
 * 1 % over {@code rate_window_seconds}, against the jitter between our clock and the endpoint's.
 *
 * <p><b>Pacing</b> (Resilience4j rate limiters): a request reserves its permits and waits for them asynchronously,
 * no thread blocked. Resilience4j refills {@code limitForPeriod} permits at the start of each cycle of its own clock,
 * so a sliding window touches up to window / period + 1 cycles; the periods are chosen so that even that stays
 * within the task's share:
 * <ul>
 *   <li>requests: one permit per cycle, {@code k - 1} cycles per window, where {@code k} is the task's share of the
 *       window's limit rounded down; the steady flow is {@code (k - 1) / k} of the share, less the 1 %;</li>
 *   <li>tokens: 60 cycles per window, each with 1/61 of the share; a request takes as many permits as it is
 *       estimated to use (prompt characters / 4 + max_tokens) and may wait several cycles for them.</li>
 * </ul>
 *
 * <p><b>Guard</b>: a reservation is not a send. A request can leave later than its permit said (a cold HTTP client,
 * a new TLS connection, a busy machine) and then bunch with the ones behind it. So the moment of sending is checked
 * too, blocking the OkHttp call thread: requests keep the pacing's spacing ({@link SendSpacing}), tokens stay within
 * the share over every window ({@link SendWindow}). In a steady flow the guard never waits.
 */
final class RateLimits {
  /** Reservations are never refused: the in-flight bound already caps how many can be outstanding. */
  private static final Duration NO_TIMEOUT = Duration.ofDays(1);
  private static final int TOKEN_CYCLES_PER_WINDOW = 60;
  private static final double STRETCH = 1.01;
  /** A request sent inside one window may arrive in the next: loopback under load was seen to delay sends ~0.1 s. */
  private static final long ARRIVAL_MARGIN_NANOS = 100_000_000L;

  private final RateLimiter requests;
  private final RateLimiter tokens;
  private final SendSpacing requestGuard;
  private final SendWindow tokenGuard;

  private RateLimits(RateLimiter requests, RateLimiter tokens, SendSpacing requestGuard, SendWindow tokenGuard) {
    this.requests = requests;
    this.tokens = tokens;
    this.requestGuard = requestGuard;
    this.tokenGuard = tokenGuard;
  }

  /**
   * @param share this task's fraction of the job's limits, in (0, 1]
   * @throws IllegalArgumentException if the share of a limit is too small to enforce (fewer than two requests or
   *     61 tokens per window); the message names the keys to change
   */
  static RateLimits forShare(OpenAiConfig config, double share) {
    double windowSeconds = config.rateWindowSeconds();
    long windowNanos = (long) (windowSeconds * STRETCH * 1e9) + ARRIVAL_MARGIN_NANOS;
    RateLimiter requests = null;
    SendSpacing requestGuard = null;
    if (config.requestsPerMinute() > 0) {
      double perWindow = config.requestsPerMinute() * share * windowSeconds / 60;
      long whole = (long) Math.floor(perWindow);
      if (whole < 2) {
        throw new IllegalArgumentException(String.format(
            "generate.openai.requests_per_minute=%d shared by 1/%.0f of the job's tasks leaves %.2f requests per "
                + "%.0f s window (generate.openai.rate_window_seconds) to each task, below the 2 it needs; raise "
                + "the limit or the window, or run fewer generate tasks at once",
            config.requestsPerMinute(), 1 / share, perWindow, windowSeconds));
      }
      long spacing = windowNanos / (whole - 1);
      requests = limiter("requests", 1, Duration.ofNanos(spacing));
      requestGuard = new SendSpacing(spacing);
    }
    RateLimiter tokens = null;
    SendWindow tokenGuard = null;
    if (config.tokensPerMinute() > 0) {
      double perWindow = config.tokensPerMinute() * share * windowSeconds / 60;
      long perCycle = (long) Math.floor(perWindow / (TOKEN_CYCLES_PER_WINDOW + 1));
      if (perCycle < 1) {
        throw new IllegalArgumentException(String.format(
            "generate.openai.tokens_per_minute=%d shared by 1/%.0f of the job's tasks leaves %.1f tokens per "
                + "%.0f s window to each task, below the %d it needs; raise the limit or run fewer generate tasks",
            config.tokensPerMinute(), 1 / share, perWindow, windowSeconds, TOKEN_CYCLES_PER_WINDOW + 1));
      }
      tokens = limiter("tokens", (int) Math.min(Integer.MAX_VALUE, perCycle),
          Duration.ofNanos(windowNanos / TOKEN_CYCLES_PER_WINDOW));
      tokenGuard = new SendWindow((long) Math.floor(perWindow), windowNanos);
    }
    return new RateLimits(requests, tokens, requestGuard, tokenGuard);
  }

  /** Nanoseconds until {@code estimatedTokens} may be spent; they are reserved now. */
  long reserveTokens(int estimatedTokens) {
    return tokens == null ? 0 : tokens.reservePermission(Math.max(1, estimatedTokens));
  }

  /** Charges tokens the estimate missed, so that later requests wait for them. */
  void chargeExtraTokens(int extra) {
    if (tokens != null && extra > 0) {
      tokens.reservePermission(extra);
    }
  }

  /** Nanoseconds until one request may be sent; the permit is reserved now. */
  long reserveRequest() {
    return requests == null ? 0 : requests.reservePermission();
  }

  /** Blocks the sending thread until one request of {@code estimatedTokens} fits the windows, and counts it. */
  void admit(int estimatedTokens) throws InterruptedIOException {
    if (tokenGuard != null) {
      tokenGuard.admit(Math.max(1, estimatedTokens));
    }
    if (requestGuard != null) {
      requestGuard.admit(1);
    }
  }

  /** Fails every sender still waiting in {@link #admit}. */
  void close() {
    if (tokenGuard != null) {
      tokenGuard.close();
    }
    if (requestGuard != null) {
      requestGuard.close();
    }
  }

  private static RateLimiter limiter(String name, int limitForPeriod, Duration period) {
    return RateLimiter.of(name, RateLimiterConfig.custom()
        .limitForPeriod(limitForPeriod)
        .limitRefreshPeriod(period)
        .timeoutDuration(NO_TIMEOUT)
        .build());
  }
}

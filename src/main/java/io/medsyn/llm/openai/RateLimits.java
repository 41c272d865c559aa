package io.medsyn.llm.openai;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * One Spark task's part of the job's request and token limits, as Resilience4j rate limiters.
 *
 * <p>Resilience4j refills {@code limitForPeriod} permits at the start of each cycle of its own clock. A sliding window
 * of length W that is not aligned to those cycles touches up to W / period + 1 of them, so a limiter that hands out
 * {@code p} permits per cycle can let {@code p * (W / period + 1)} through in one window. The periods below are
 * chosen so that this worst case still stays within the task's share of the limit:
 * <ul>
 *   <li>requests: one permit per cycle, {@code k - 1} cycles per window, where {@code k} is the task's share of the
 *       window's limit rounded down; steady throughput is {@code (k - 1) / k} of the share, and a scheduling delay
 *       of up to one cycle still cannot push a k+1-th request into a window;</li>
 *   <li>tokens: 60 cycles per window, each with 1/61 of the share; a request takes as many permits as it is
 *       estimated to use and may wait several cycles for them.</li>
 * </ul>
 */
final class RateLimits {
  /** Reservations are never refused: the in-flight bound already caps how many can be outstanding. */
  private static final Duration NO_TIMEOUT = Duration.ofDays(1);
  private static final int TOKEN_CYCLES_PER_WINDOW = 60;

  private final RateLimiter requests;
  private final RateLimiter tokens;

  private RateLimits(RateLimiter requests, RateLimiter tokens) {
    this.requests = requests;
    this.tokens = tokens;
  }

  /**
   * @param share this task's fraction of the job's limits, in (0, 1]
   * @throws IllegalArgumentException if the share of a limit is too small to enforce (fewer than two requests or
   *     61 tokens per window); the message names the keys to change
   */
  static RateLimits forShare(OpenAiConfig config, double share) {
    double windowSeconds = config.rateWindowSeconds();
    RateLimiter requests = null;
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
      requests = limiter("requests", 1, Duration.ofNanos((long) (windowSeconds * 1e9 / (whole - 1))));
    }
    RateLimiter tokens = null;
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
          Duration.ofNanos((long) (windowSeconds * 1e9 / TOKEN_CYCLES_PER_WINDOW)));
    }
    return new RateLimits(requests, tokens);
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

  Optional<RateLimiter> requests() {
    return Optional.ofNullable(requests);
  }

  Optional<RateLimiter> tokens() {
    return Optional.ofNullable(tokens);
  }

  private static RateLimiter limiter(String name, int limitForPeriod, Duration period) {
    return RateLimiter.of(name, RateLimiterConfig.custom()
        .limitForPeriod(limitForPeriod)
        .limitRefreshPeriod(period)
        .timeoutDuration(NO_TIMEOUT)
        .build());
  }
}

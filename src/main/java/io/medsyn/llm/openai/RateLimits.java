package io.medsyn.llm.openai;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Spark task's part of the job's request and token limits, in two layers. Each limit holds over its own sliding
 * window (1 s for {@code requests_per_second}, {@code rate_window_seconds} for the per-minute ones), stretched by
 * 1 % and by an arrival margin of 3 % of the window (at most 0.1 s): a request sent inside one window may reach the
 * endpoint a little later, loopback under load was seen to delay sends by up to 0.1 s.
 *
 * <p><b>Pacing</b>: a request books its moment and waits for it asynchronously, no thread blocked.
 * <ul>
 *   <li>requests ({@link SendSchedule}): for each request limit, {@code k} is the task's share of the window's limit
 *       rounded down; requests are spaced evenly at the stricter of the limits' {@code window / k}, so the steady
 *       flow is the whole share less the stretch (0.96 of it for a 1 s window, 0.99 for 60 s), and a run starts
 *       at that rate instead of with a burst;</li>
 *   <li>tokens (a Resilience4j rate limiter): 60 cycles per window, each with 1/61 of the share; a request takes as
 *       many permits as it is estimated to use (prompt characters / 4 + max_tokens) and may wait several cycles for
 *       them.</li>
 * </ul>
 *
 * <p><b>Guard</b>: a booking is not a send. A request can leave later than booked (a cold HTTP client, a new TLS
 * connection, a busy machine) and then bunch with the ones behind it. So the moment of sending is checked too,
 * blocking the OkHttp call thread: requests keep the pacing's spacing ({@link SendSpacing}) and never exceed
 * {@code k} in any window of any request limit ({@link SendWindow}); tokens stay within the share over every window.
 * In a steady flow the guard never waits.
 */
final class RateLimits {
  /** Reservations are never refused: the in-flight bound already caps how many can be outstanding. */
  private static final Duration NO_TIMEOUT = Duration.ofDays(1);
  private static final int TOKEN_CYCLES_PER_WINDOW = 60;
  private static final double STRETCH = 1.01;
  private static final double ARRIVAL_MARGIN_SHARE = 0.03;
  private static final long ARRIVAL_MARGIN_MAX_NANOS = 100_000_000L;

  private final SendSchedule requests;
  private final RateLimiter tokens;
  private final List<SendGuard> requestGuards;
  private final SendWindow tokenGuard;

  private RateLimits(SendSchedule requests, RateLimiter tokens, List<SendGuard> requestGuards,
      SendWindow tokenGuard) {
    this.requests = requests;
    this.tokens = tokens;
    this.requestGuards = requestGuards;
    this.tokenGuard = tokenGuard;
  }

  /**
   * @param share this task's fraction of the job's limits, in (0, 1]
   * @throws IllegalArgumentException if the share of a limit is too small to enforce (less than one request or
   *     61 tokens per window); the message names the keys to change
   */
  static RateLimits forShare(OpenAiConfig config, double share) {
    double minuteWindow = config.rateWindowSeconds();
    List<SendWindow> windows = new ArrayList<>();
    if (config.requestsPerSecond() > 0) {
      windows.add(requestWindow("requests_per_second", config.requestsPerSecond(), share, 1, 1));
    }
    if (config.requestsPerMinute() > 0) {
      windows.add(requestWindow("requests_per_minute", config.requestsPerMinute(), share, 60, minuteWindow));
    }
    long interval = windows.stream().mapToLong(SendWindow::interval).max().orElse(0);
    // The spacing goes first: it is what waits in a steady flow, and a window counts a send when it admits it.
    List<SendGuard> requestGuards = new ArrayList<>();
    SendSchedule requests = null;
    if (interval > 0) {
      requests = new SendSchedule(interval);
      requestGuards.add(new SendSpacing(interval));
    }
    requestGuards.addAll(windows);
    RateLimiter tokens = null;
    SendWindow tokenGuard = null;
    if (config.tokensPerMinute() > 0) {
      long windowNanos = stretched(minuteWindow);
      double perWindow = config.tokensPerMinute() * share * minuteWindow / 60;
      long perCycle = (long) Math.floor(perWindow / (TOKEN_CYCLES_PER_WINDOW + 1));
      if (perCycle < 1) {
        throw new IllegalArgumentException(String.format(
            "generate.openai.tokens_per_minute=%d shared by 1/%.0f of the job's tasks leaves %.1f tokens per "
                + "%.0f s window to each task, below the %d it needs; raise the limit or run fewer generate tasks",
            config.tokensPerMinute(), 1 / share, perWindow, minuteWindow, TOKEN_CYCLES_PER_WINDOW + 1));
      }
      tokens = limiter("tokens", (int) Math.min(Integer.MAX_VALUE, perCycle),
          Duration.ofNanos(windowNanos / TOKEN_CYCLES_PER_WINDOW));
      tokenGuard = new SendWindow((long) Math.floor(perWindow), windowNanos);
    }
    return new RateLimits(requests, tokens, List.copyOf(requestGuards), tokenGuard);
  }

  /**
   * The send-time bound of one request limit: this task's whole requests per (stretched) window of
   * {@code windowSeconds}, for a limit stated per {@code limitSeconds}.
   */
  private static SendWindow requestWindow(String key, int limit, double share, double limitSeconds,
      double windowSeconds) {
    double perWindow = limit * share * windowSeconds / limitSeconds;
    long whole = (long) Math.floor(perWindow);
    if (whole < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "generate.openai.%s=%d shared by 1/%.0f of the job's tasks leaves %.2f requests per %s s window to "
              + "each task, below the 1 it needs; raise the limit, or run fewer generate tasks at once "
              + "(generate.slots)", key, limit, 1 / share, perWindow, windowSeconds));
    }
    return new SendWindow(whole, stretched(windowSeconds));
  }

  private static long stretched(double windowSeconds) {
    long nanos = (long) (windowSeconds * 1e9);
    return (long) (nanos * STRETCH) + Math.min((long) (nanos * ARRIVAL_MARGIN_SHARE), ARRIVAL_MARGIN_MAX_NANOS);
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

  /** Nanoseconds until one request may be sent; its moment is booked now. */
  long reserveRequest() {
    return requests == null ? 0 : requests.reserve(System.nanoTime());
  }

  /** Blocks the sending thread until one request of {@code estimatedTokens} fits the windows, and counts it. */
  void admit(int estimatedTokens) throws InterruptedIOException {
    if (tokenGuard != null) {
      tokenGuard.admit(Math.max(1, estimatedTokens));
    }
    for (SendGuard guard : requestGuards) {
      guard.admit(1);
    }
  }

  /** Fails every sender still waiting in {@link #admit}. */
  void close() {
    if (tokenGuard != null) {
      tokenGuard.close();
    }
    requestGuards.forEach(SendGuard::close);
  }

  private static RateLimiter limiter(String name, int limitForPeriod, Duration period) {
    return RateLimiter.of(name, RateLimiterConfig.custom()
        .limitForPeriod(limitForPeriod)
        .limitRefreshPeriod(period)
        .timeoutDuration(NO_TIMEOUT)
        .build());
  }
}

package io.medsyn.llm.openai;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long an endpoint asked us to wait: {@code retry-after-ms} (sent by some OpenAI-compatible servers, finer than
 * seconds) wins over {@code Retry-After}, which is either delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait asked for, or empty when neither header is present or readable; never negative. */
  static Optional<Duration> parse(String retryAfterMs, String retryAfter, Instant now) {
    Optional<Duration> millis = number(retryAfterMs).map(ms -> Duration.ofNanos((long) (ms * 1_000_000)));
    if (millis.isPresent()) {
      return millis;
    }
    if (retryAfter == null || retryAfter.isBlank()) {
      return Optional.empty();
    }
    Optional<Duration> seconds = number(retryAfter).map(s -> Duration.ofNanos((long) (s * 1_000_000_000)));
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Double> number(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      return parsed >= 0 && Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

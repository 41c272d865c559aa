package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.llm.ErrorClass;
import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(10, 200, Duration.ofSeconds(5));

  @Test
  void fullJitterStaysUnderTheDoublingCeilingAndTheMaximum() {
    AttemptFailure failure = AttemptFailure.of(ErrorClass.SERVER, "HTTP 500");
    for (int attempt = 1; attempt <= 70; attempt++) {
      long ceiling = Math.min(200L, 10L << Math.min(attempt - 1, 20));
      int failedAttempts = attempt;
      LongSummaryStatistics delays = IntStream.range(0, 400)
          .mapToLong(i -> backoff.delayMs(failedAttempts, failure)).summaryStatistics();
      assertThat(delays.getMin()).isGreaterThanOrEqualTo(0);
      assertThat(delays.getMax()).isLessThanOrEqualTo(ceiling);
      // Full jitter: the draws spread over the whole range, not around its top.
      assertThat(delays.getAverage()).isBetween(ceiling * 0.35, ceiling * 0.65);
    }
  }

  @Test
  void retryAfterIsHonouredUpToItsMaximumPlusAJitterOfAtMostTheBase() {
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.delayMs(1, AttemptFailure.of(ErrorClass.RATE_LIMITED, "429", Duration.ofMillis(1500))))
          .isBetween(1500L, 1510L);
      assertThat(backoff.delayMs(3, AttemptFailure.of(ErrorClass.RATE_LIMITED, "429", Duration.ofSeconds(90))))
          .isBetween(5000L, 5010L);
      assertThat(backoff.delayMs(1, AttemptFailure.of(ErrorClass.SERVER, "503", Duration.ofNanos(2_000_001))))
          .isBetween(3L, 13L);
    }
  }
}

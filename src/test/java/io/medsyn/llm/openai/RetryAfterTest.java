package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void secondsAndMillisecondsAreRead() {
    assertThat(RetryAfter.parse(null, "7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(null, " 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(null, "1.5", NOW)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("250", "1", NOW)).contains(Duration.ofMillis(250));
  }

  @Test
  void httpDateIsReadRelativeToNowAndNeverNegative() {
    assertThat(RetryAfter.parse(null, "Mon, 23 Nov 2026 10:00:12 GMT", NOW)).contains(Duration.ofSeconds(12));
    assertThat(RetryAfter.parse(null, "Mon, 23 Nov 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void absentOrUnreadableHeadersGiveNothing() {
    assertThat(RetryAfter.parse(null, null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", " ", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, "soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, "-3", NOW)).isEmpty();
    assertThat(RetryAfter.parse("NaN", "2", NOW)).contains(Duration.ofSeconds(2));
  }
}

package io.medsyn.llm.openai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Retries logged at INFO once per cause per minute, with how many more came since: a dead endpoint retried by the
 * thousand is one line a minute per cause, not one per request, and the cause is never only in a DEBUG log. The
 * cause is the failure's class (CONNECTION, SERVER, ...).
 */
final class RetryLog {
  private static final long PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Logger log;
  private final Map<String, long[]> byCause = new ConcurrentHashMap<>();

  RetryLog(Logger log) {
    this.log = log;
  }

  void retrying(Throwable failure, long waitMillis) {
    String cause = failure instanceof AttemptFailure attempt ? attempt.errorClass().name()
        : failure.getClass().getSimpleName();
    long now = System.nanoTime();
    long[] state = byCause.computeIfAbsent(cause, c -> new long[] {now - PERIOD_NANOS, 0});
    long suppressed;
    synchronized (state) {
      if (now - state[0] < PERIOD_NANOS) {
        state[1]++;
        return;
      }
      suppressed = state[1];
      state[0] = now;
      state[1] = 0;
    }
    log.info("retrying in {} ms after {}: {}{}", waitMillis, cause, failure.getMessage(),
        suppressed == 0 ? "" : " (" + suppressed + " more " + cause + " retries in the last minute)");
  }
}

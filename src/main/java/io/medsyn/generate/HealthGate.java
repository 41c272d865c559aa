package io.medsyn.generate;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.ErrorClass;
import java.util.Locale;

/**
 * Whether one generating task should go on sending: not once more than {@code generate.max_failed_share} of its
 * requests failed (judged after {@link #MIN_SETTLED}), nor once its endpoint's circuit breaker has refused requests
 * for {@code generate.max_circuit_open_seconds} without a success between. A dead endpoint would otherwise turn
 * every task into a failed row after minutes of retries, and the run would look like a success.
 *
 * <p>Failures that say nothing about the endpoint's health (BUDGET, TRUNCATED, a 400) are not counted. The root
 * cause kept for the message is the last failure that is not CIRCUIT_OPEN: the connection error, or the HTTP status
 * and body excerpt.
 */
final class HealthGate {
  /** Fewer settled requests than this say too little about the endpoint to stop a task. */
  static final int MIN_SETTLED = 20;

  private final double maxFailedShare;
  private final long maxCircuitOpenMillis;
  private long settled;
  private long failed;
  private long circuitOpenSince = -1;
  private String rootCause;
  private String verdict;

  HealthGate(GenerateConfig config) {
    this.maxFailedShare = config.maxFailedShare();
    this.maxCircuitOpenMillis = (long) (config.maxCircuitOpenSeconds() * 1000);
  }

  /** Counts one settled request finished at {@code nowMillis}. */
  void record(NoteOutcome outcome, long nowMillis) {
    if (outcome.ok()) {
      settled++;
      circuitOpenSince = -1;
      return;
    }
    ErrorClass error = ErrorClass.valueOf(outcome.errorClass());
    if (!error.endpointHealth()) {
      return;
    }
    settled++;
    failed++;
    if (error == ErrorClass.CIRCUIT_OPEN) {
      circuitOpenSince = circuitOpenSince < 0 ? nowMillis : circuitOpenSince;
    } else {
      rootCause = outcome.errorMessage();
    }
    if (verdict != null) {
      return;
    }
    if (settled >= MIN_SETTLED && failed > maxFailedShare * settled) {
      verdict = String.format(Locale.ROOT, "%d of %d requests failed, over generate.max_failed_share=%s", failed,
          settled, maxFailedShare);
    } else if (circuitOpenSince >= 0 && nowMillis - circuitOpenSince >= maxCircuitOpenMillis) {
      verdict = String.format(Locale.ROOT, "the circuit breaker refused requests for %d s without a success "
          + "between, over generate.max_circuit_open_seconds=%s", (nowMillis - circuitOpenSince) / 1000,
          maxCircuitOpenMillis / 1000.0);
    }
  }

  /** Whether the task should stop sending. */
  boolean tripped() {
    return verdict != null;
  }

  /** Why it stopped, with the root cause; only when {@link #tripped()}. */
  String reason() {
    return verdict + "; root cause: " + (rootCause == null ? "none recorded" : rootCause);
  }
}

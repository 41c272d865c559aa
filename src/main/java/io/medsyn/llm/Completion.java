package io.medsyn.llm;

import java.util.List;

/**
 * A note a backend returned.
 *
 * @param finishReason as the endpoint reported it ({@code stop}); backends turn {@code length} into a failure
 * @param attempts how many requests it took, retries included
 * @param latencyMs the round trip of the attempt that brought the note (queueing, rate-limit waits and earlier
 *     attempts not included)
 * @param costUsd from the configured price table; 0 where no price is known
 * @param usageEstimated the tokens, and so the cost, are estimated (characters / 4) rather than counted by the
 *     endpoint: it sent no {@code usage}, or the backend has none (offline)
 * @param symptomsUsed the sampled complaints the note mentions, as a structured answer listed them; null when the
 *     answer was plain text
 */
public record Completion(String text, String finishReason, int promptTokens, int completionTokens, int attempts,
    long latencyMs, String model, double costUsd, boolean usageEstimated, List<String> symptomsUsed) {

  /** The same note at another price (a batch discount). */
  public Completion withCost(double usd) {
    return new Completion(text, finishReason, promptTokens, completionTokens, attempts, latencyMs, model, usd,
        usageEstimated, symptomsUsed);
  }
}

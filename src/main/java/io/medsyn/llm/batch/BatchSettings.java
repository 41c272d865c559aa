package io.medsyn.llm.batch;

import io.medsyn.config.ConfigException;
import java.io.Serializable;

/**
 * The batch backend's own settings, bound from {@code generate.openai_batch}; the endpoint, model, key variable and
 * prices are {@code generate.openai}'s.
 *
 * @param maxRequestsPerBatch requests in one batch file (OpenAI: 50,000)
 * @param maxBytesPerBatch bytes of one batch file (OpenAI: 200 MB)
 * @param enqueuedTokens prompt tokens (estimated as characters / 4) that may wait in the provider's queue for this
 *     model at once, over every open batch; 0 for no limit
 * @param maxAttempts batches a request may go out in: a failed or expired request is resubmitted alone until then
 * @param pollSeconds the first wait between two looks at an open batch; it grows by half each look
 * @param pollMaxSeconds no wait between two looks exceeds this
 * @param completionWindow the batch's {@code completion_window} ({@code 24h} is the one OpenAI offers)
 * @param priceFactor the batch price as a share of the list price in {@code generate.openai} (OpenAI: 0.5)
 */
public record BatchSettings(int maxRequestsPerBatch, long maxBytesPerBatch, long enqueuedTokens, int maxAttempts,
    double pollSeconds, double pollMaxSeconds, String completionWindow, double priceFactor)
    implements Serializable {

  public BatchSettings {
    ConfigException.require(maxRequestsPerBatch >= 1, "max_requests_per_batch", "an integer >= 1",
        maxRequestsPerBatch);
    ConfigException.require(maxBytesPerBatch >= 1024, "max_bytes_per_batch", "an integer >= 1024",
        maxBytesPerBatch);
    ConfigException.require(enqueuedTokens >= 0, "enqueued_tokens", "an integer >= 0 (0 = no limit)",
        enqueuedTokens);
    ConfigException.require(maxAttempts >= 1, "max_attempts", "an integer >= 1 (1 = no resubmission)",
        maxAttempts);
    ConfigException.require(pollSeconds > 0 && Double.isFinite(pollSeconds), "poll_seconds",
        "a number of seconds > 0", pollSeconds);
    ConfigException.require(pollMaxSeconds >= pollSeconds && Double.isFinite(pollMaxSeconds),
        "poll_max_seconds", "a number of seconds >= generate.openai_batch.poll_seconds (" + pollSeconds
            + ")", pollMaxSeconds);
    ConfigException.require(completionWindow != null && !completionWindow.isBlank(), "completion_window",
        "a window the provider accepts, such as 24h", completionWindow);
    ConfigException.require(priceFactor > 0 && priceFactor <= 1, "price_factor",
        "a share of the list price in (0, 1], such as 0.5", priceFactor);
  }

  /** The defaults {@code generate.openai_batch} ships with: OpenAI's limits for gpt-4o-mini at tier 1. */
  public static BatchSettings defaults() {
    return new BatchSettings(50_000, 200_000_000L, 2_000_000L, 3, 30, 600, "24h", 0.5);
  }
}

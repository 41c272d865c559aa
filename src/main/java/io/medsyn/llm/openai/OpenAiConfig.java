package io.medsyn.llm.openai;

import io.medsyn.config.ConfigException;
import io.medsyn.llm.GenerationParams;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * An OpenAI-compatible chat endpoint and how hard MedSyn may use it; bound from {@code generate.openai}. The API key
 * itself is never part of the configuration: {@code api_key_env} names the environment variable that holds it.
 *
 * <p>{@code requests_per_second}, {@code requests_per_minute} and {@code tokens_per_minute} are the whole job's
 * limits, shared by all Spark tasks that call the endpoint at once (see {@link OpenAiBackend}). Providers publish
 * per-second and per-minute limits and some enforce both, so both may be set and both hold at once: the per-second
 * limit over every sliding 1 s window, the per-minute ones over every sliding window of {@code rate_window_seconds}
 * (60 for a real per-minute limit; a smaller window lets tests run in seconds), pro rata: a window of 1 s allows
 * {@code requests_per_minute / 60} requests.
 *
 * @param baseUrl scheme, host and port (and any path prefix) before {@code /v1/chat/completions}
 * @param apiKeyEnv name of the environment variable holding the key; empty for an endpoint that needs none
 * @param seed sent as {@code seed} for reproducible sampling where the endpoint supports it; null to omit it
 * @param callTimeoutSeconds the whole exchange of one attempt, connect to last byte
 * @param requestsPerSecond 0 for no limit; holds over every 1 s window
 * @param requestsPerMinute 0 for no limit
 * @param tokensPerMinute 0 for no limit; a request counts as prompt characters / 4 + max_tokens
 * @param maxInFlight requests open at once per Spark task; lowered after 429 answers and raised again on success
 * @param maxAttempts attempts per request, the first included; 1 disables retries
 * @param backoffBaseMs the first retry waits up to this long (full jitter), doubling per attempt
 * @param backoffMaxMs no backoff wait exceeds this
 * @param retryAfterMaxSeconds an endpoint's {@code Retry-After} is honoured up to this many seconds
 * @param circuitFailureRatePercent the circuit opens when this share of the last {@code circuit_window_size}
 *     attempts failed (5xx, timeout, connection, malformed)
 * @param circuitOpenSeconds how long an open circuit refuses requests before it lets probes through
 * @param pricePromptPerThousand USD per 1000 prompt tokens; 0 when unknown (cost is then reported as 0)
 * @param priceCompletionPerThousand USD per 1000 completion tokens; 0 when unknown
 * @param responseFormat {@code text} (the note as plain text) or {@code json_schema} (a structured answer,
 *     {@code {note, symptoms_used[]}}: the note and the sampled complaints it mentions)
 */
public record OpenAiConfig(String baseUrl, String model, String apiKeyEnv, double temperature, int maxTokens,
    Long seed, double connectTimeoutSeconds, double readTimeoutSeconds, double callTimeoutSeconds,
    int requestsPerSecond, int requestsPerMinute, long tokensPerMinute, double rateWindowSeconds, int maxInFlight,
    int maxAttempts,
    long backoffBaseMs, long backoffMaxMs, double retryAfterMaxSeconds, int circuitFailureRatePercent,
    int circuitWindowSize, double circuitOpenSeconds, double pricePromptPerThousand,
    double priceCompletionPerThousand, String responseFormat) implements Serializable {
  public static final String TEXT = "text";
  public static final String JSON_SCHEMA = "json_schema";

  public OpenAiConfig {
    ConfigException.require(isHttpUrl(baseUrl), "base_url",
        "an http(s) URL without credentials, such as https://api.openai.com or http://127.0.0.1:8000",
        isHttpUrl(baseUrl) || baseUrl == null || !baseUrl.contains("@") ? baseUrl : "a URL with credentials");
    baseUrl = baseUrl.replaceAll("/+$", "");
    ConfigException.require(model != null && !model.isBlank(), "model", "a model name", model);
    apiKeyEnv = apiKeyEnv == null ? "" : apiKeyEnv.trim();
    ConfigException.require(apiKeyEnv.isEmpty() || apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*"),
        "api_key_env", "the NAME of an environment variable (not the key itself), or '' for none",
        // Never echoed: what stands here by mistake is usually the key itself.
        "a value of " + apiKeyEnv.length() + " characters that is not a variable name");
    ConfigException.require(temperature >= 0 && temperature <= 2, "temperature", "a number in [0, 2]",
        temperature);
    ConfigException.require(maxTokens >= 1, "max_tokens", "an integer >= 1", maxTokens);
    requirePositive(connectTimeoutSeconds, "connect_timeout_seconds");
    requirePositive(readTimeoutSeconds, "read_timeout_seconds");
    requirePositive(callTimeoutSeconds, "call_timeout_seconds");
    ConfigException.require(requestsPerSecond >= 0, "requests_per_second", "an integer >= 0 (0 = no limit)",
        requestsPerSecond);
    ConfigException.require(requestsPerMinute >= 0, "requests_per_minute", "an integer >= 0 (0 = no limit)",
        requestsPerMinute);
    ConfigException.require(tokensPerMinute >= 0, "tokens_per_minute", "an integer >= 0 (0 = no limit)",
        tokensPerMinute);
    requirePositive(rateWindowSeconds, "rate_window_seconds");
    ConfigException.require(maxInFlight >= 1, "max_in_flight", "an integer >= 1", maxInFlight);
    ConfigException.require(maxAttempts >= 1, "max_attempts", "an integer >= 1 (1 = no retries)",
        maxAttempts);
    ConfigException.require(backoffBaseMs >= 1, "backoff_base_ms", "an integer >= 1", backoffBaseMs);
    ConfigException.require(backoffMaxMs >= backoffBaseMs, "backoff_max_ms",
        "an integer >= generate.openai.backoff_base_ms (" + backoffBaseMs + ")", backoffMaxMs);
    ConfigException.require(retryAfterMaxSeconds >= 0 && Double.isFinite(retryAfterMaxSeconds),
        "retry_after_max_seconds", "a number >= 0", retryAfterMaxSeconds);
    ConfigException.require(circuitFailureRatePercent >= 1 && circuitFailureRatePercent <= 100,
        "circuit_failure_rate_percent", "an integer in [1, 100]", circuitFailureRatePercent);
    ConfigException.require(circuitWindowSize >= 1, "circuit_window_size", "an integer >= 1",
        circuitWindowSize);
    requirePositive(circuitOpenSeconds, "circuit_open_seconds");
    ConfigException.require(pricePromptPerThousand >= 0 && Double.isFinite(pricePromptPerThousand),
        "price_prompt_per_thousand", "USD >= 0 (0 = unknown)", pricePromptPerThousand);
    ConfigException.require(priceCompletionPerThousand >= 0 && Double.isFinite(priceCompletionPerThousand),
        "price_completion_per_thousand", "USD >= 0 (0 = unknown)", priceCompletionPerThousand);
    ConfigException.require(TEXT.equals(responseFormat) || JSON_SCHEMA.equals(responseFormat),
        "response_format", TEXT + " or " + JSON_SCHEMA, responseFormat);
  }

  /** Whether answers come as {@code {note, symptoms_used[]}}. */
  public boolean structured() {
    return JSON_SCHEMA.equals(responseFormat);
  }

  /**
   * The defaults {@code generate.openai} ships with: OpenAI's gpt-4o-mini at its list price (USD 0.15 / 0.60 per
   * million prompt / completion tokens), limits well under its lowest paid tier.
   */
  public static OpenAiConfig defaults() {
    return new OpenAiConfig("https://api.openai.com", "gpt-4o-mini", "OPENAI_API_KEY", 0.7, 1024, null, 10, 120,
        180, 0, 500, 200_000, 60, 32, 6, 500, 30_000, 120, 50, 50, 30, 0.00015, 0.0006, TEXT);
  }

  /** The sampling parameters this configuration asks for; the generate stage puts them into each request. */
  public GenerationParams params() {
    return new GenerationParams(model, temperature, maxTokens, seed);
  }

  /** The URL every request is posted to. */
  public String chatCompletionsUrl() {
    return baseUrl + "/v1/chat/completions";
  }

  /** USD for one answer under the price table. */
  public double cost(int promptTokens, int completionTokens) {
    return promptTokens / 1000.0 * pricePromptPerThousand + completionTokens / 1000.0 * priceCompletionPerThousand;
  }

  /** A number of seconds from this configuration as a Duration, to the nanosecond. */
  public static Duration duration(double seconds) {
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  private static boolean isHttpUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void requirePositive(double seconds, String key) {
    ConfigException.require(seconds > 0 && Double.isFinite(seconds), key, "a number of seconds > 0",
        seconds);
  }
}

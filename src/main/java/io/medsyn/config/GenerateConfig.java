package io.medsyn.config;

import java.io.Serializable;
import io.medsyn.llm.openai.OpenAiConfig;
import java.util.List;

/**
 * The {@code generate} stage: which backend writes the notes, in which language and from which prompt kind, and
 * how hard the run may push the endpoint.
 *
 * @param promptKind {@code auto} (example when the task has an example note, else symptoms), or one kind for all
 * @param slots how many Spark tasks generate at once, cluster-wide; each backend gets 1/slots of the rate limits
 * @param budgetUsd the most the notes under this output may cost, over all runs; 0 means no limit
 * @param progressSeconds how often the driver logs progress
 * @param maxFailedShare a generating task stops once more than this share of its requests failed (after at least
 *     {@code HealthGate.MIN_SETTLED} of them), and the run ends non-zero naming the root cause; 1 never stops
 * @param maxCircuitOpenSeconds a generating task stops once its endpoint's requests have been refused by the open
 *     circuit breaker, without a success between, for this long
 * @param openai the OpenAI-compatible backend's settings (used when {@code backend} is {@code openai})
 */
public record GenerateConfig(String backend, String language, String promptKind, int slots, double budgetUsd,
    int progressSeconds, double maxFailedShare, double maxCircuitOpenSeconds, OpenAiConfig openai) implements Serializable {
  public static final List<String> BACKENDS = List.of("offline", "openai");
  public static final List<String> LANGUAGES = List.of("ru", "en");
  public static final List<String> PROMPT_KINDS = List.of("auto", "code", "symptoms", "example");

  public GenerateConfig {
    ConfigException.require(BACKENDS.contains(backend), "generate.backend", "one of " + BACKENDS, backend);
    ConfigException.require(LANGUAGES.contains(language), "generate.language", "one of " + LANGUAGES, language);
    ConfigException.require(PROMPT_KINDS.contains(promptKind), "generate.prompt_kind", "one of " + PROMPT_KINDS,
        promptKind);
    ConfigException.require(slots >= 1, "generate.slots", "an integer >= 1", slots);
    ConfigException.require(budgetUsd >= 0 && Double.isFinite(budgetUsd), "generate.budget_usd",
        "a number >= 0 (0 = no budget)", budgetUsd);
    ConfigException.require(progressSeconds >= 1, "generate.progress_seconds", "an integer >= 1", progressSeconds);
    ConfigException.require(maxFailedShare > 0 && maxFailedShare <= 1, "generate.max_failed_share",
        "a share in (0, 1] (1 = never stop for failures)", maxFailedShare);
    ConfigException.require(maxCircuitOpenSeconds > 0 && Double.isFinite(maxCircuitOpenSeconds),
        "generate.max_circuit_open_seconds", "a number of seconds > 0", maxCircuitOpenSeconds);
    ConfigException.require(openai != null, "generate.openai", "a section", openai);
  }

  public boolean hasBudget() {
    return budgetUsd > 0;
  }
}

package io.medsyn.config;

import java.io.Serializable;
import io.medsyn.llm.batch.BatchSettings;
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
 * @param openai the OpenAI-compatible backend's settings (used when {@code backend} is {@code openai} or
 *     {@code openai_batch})
 * @param openaiBatch the batch backend's own settings (used when {@code backend} is {@code openai_batch})
 */
public record GenerateConfig(String backend, String language, String promptKind, int slots, double budgetUsd,
    int progressSeconds, OpenAiConfig openai, BatchSettings openaiBatch) implements Serializable {
  public static final List<String> BACKENDS = List.of("offline", "openai", "openai_batch");
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
    ConfigException.require(openai != null, "generate.openai", "a section", openai);
    ConfigException.require(openaiBatch != null, "generate.openai_batch", "a section", openaiBatch);
  }

  public boolean hasBudget() {
    return budgetUsd > 0;
  }
}

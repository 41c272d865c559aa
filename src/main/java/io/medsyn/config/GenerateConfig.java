package io.medsyn.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The {@code generate} stage: which backend writes the notes, in which language and from which prompt kind, and
 * how hard the run may push the endpoint.
 *
 * @param promptKind {@code auto} (example when the task has an example note, else symptoms), or one kind for all
 * @param slots how many Spark tasks generate at once, cluster-wide; each backend gets 1/slots of the rate limits
 * @param budgetUsd the most the notes under this output may cost, over all runs; 0 means no limit
 * @param progressSeconds how often the driver logs progress
 * @param prompts where the prompt templates come from (built in unless {@code generate.prompts.dir} names a directory)
 * @param backends each registered backend's own section ({@code generate.NAME}), bound and validated by
 *     {@link ConfigLoader} into the record its {@link BackendSection} names
 */
public record GenerateConfig(String backend, String language, String promptKind, int slots, double budgetUsd,
    int progressSeconds, PromptsConfig prompts, @JacksonInject(GenerateConfig.BACKEND_SECTIONS) Map<String, Serializable> backends)
    implements Serializable {
  /** The name under which {@link ConfigLoader} injects the backends' bound sections. */
  static final String BACKEND_SECTIONS = "generate.backends";
  public static final List<String> LANGUAGES = List.of("ru", "en");
  public static final List<String> PROMPT_KINDS = List.of("auto", "code", "symptoms", "example");

  public GenerateConfig {
    List<String> names = BackendSection.all().stream().map(BackendSection::name).toList();
    ConfigException.require(names.contains(backend), "backend", "one of " + names, backend);
    ConfigException.require(LANGUAGES.contains(language), "language", "one of " + LANGUAGES, language);
    ConfigException.require(PROMPT_KINDS.contains(promptKind), "prompt_kind", "one of " + PROMPT_KINDS,
        promptKind);
    ConfigException.require(slots >= 1, "slots", "an integer >= 1", slots);
    ConfigException.require(budgetUsd >= 0 && Double.isFinite(budgetUsd), "budget_usd",
        "a number >= 0 (0 = no budget)", budgetUsd);
    ConfigException.require(progressSeconds >= 1, "progress_seconds", "an integer >= 1", progressSeconds);
    ConfigException.require(prompts != null, "prompts", "a section", prompts);
    backends = backends == null ? Map.of() : Map.copyOf(backends);
  }

  public boolean hasBudget() {
    return budgetUsd > 0;
  }

  /** The bound section {@code generate.NAME} of backend {@code name}. */
  public <S extends Serializable> S section(String name, Class<S> type) {
    Serializable section = backends.get(name);
    ConfigException.require(type.isInstance(section), "" + name, "a section", section);
    return type.cast(section);
  }
}

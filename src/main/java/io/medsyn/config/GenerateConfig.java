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
 * @param maxFailedShare a generating task stops once more than this share of its requests failed (after at least
 *     {@code HealthGate.MIN_SETTLED} of them), and the run ends non-zero naming the root cause; 1 never stops
 * @param maxCircuitOpenSeconds a generating task stops once its endpoint's requests have been refused by the open
 *     circuit breaker, without a success between, for this long
 * @param prompts where the prompt templates come from (built in unless {@code generate.prompts.dir} names a directory)
 * @param backends each registered backend's own section ({@code generate.NAME}), bound and validated by
 *     {@link ConfigLoader} into the record its {@link BackendSection} names
 */
public record GenerateConfig(String backend, String language, String promptKind, int slots, double budgetUsd,
    int progressSeconds, double maxFailedShare, double maxCircuitOpenSeconds, PromptsConfig prompts, @JacksonInject(GenerateConfig.BACKEND_SECTIONS) Map<String, Serializable> backends)
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
    ConfigException.require(maxFailedShare > 0 && maxFailedShare <= 1, "max_failed_share",
        "a share in (0, 1] (1 = never stop for failures)", maxFailedShare);
    ConfigException.require(maxCircuitOpenSeconds > 0 && Double.isFinite(maxCircuitOpenSeconds),
        "max_circuit_open_seconds", "a number of seconds > 0", maxCircuitOpenSeconds);
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

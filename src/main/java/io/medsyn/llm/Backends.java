package io.medsyn.llm;

import io.medsyn.config.BackendSection;
import io.medsyn.config.ConfigException;
import io.medsyn.config.GenerateConfig;
import io.medsyn.style.StyleModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Creates the configured backend from the registry of {@link BackendProvider}s. Called on executors, once per Spark
 * task, with the task's share of the run's limits (1/slots), so that all tasks together never exceed what the
 * endpoint allows.
 */
public final class Backends {
  private Backends() {}

  public static Backend create(GenerateConfig config, double share) {
    return provider(config).create(config, share);
  }

  /** The factory of a run whose offline notes are written in a learned style (null: the built-in habits). */
  public static BackendFactory styled(StyleModel style) {
    return (config, share) -> provider(config).create(config, style, share);
  }

  /**
   * The configured backend when it is one the driver runs for the whole run ({@link DeferredBackend}, a provider's
   * batch API); empty for the backends that executors call one request at a time.
   *
   * @param stateDir where it remembers what it has out across runs
   */
  public static Optional<DeferredBackend> deferred(GenerateConfig config, Configuration hadoop, String stateDir,
      String runId) {
    return provider(config).deferred(config, hadoop, stateDir, runId);
  }

  /** What one answer of these sizes costs with each registered backend, by name, in the registry's order. */
  public static Map<String, Double> costs(GenerateConfig config, int promptTokens, int completionTokens) {
    Map<String, Double> costs = new LinkedHashMap<>();
    for (BackendSection section : BackendSection.all()) {
      costs.put(section.name(), ((BackendProvider) section).cost(config, promptTokens, completionTokens));
    }
    return costs;
  }

  /** The parameters every request of the run carries, part of each request's fingerprint. */
  public static GenerationParams params(GenerateConfig config) {
    return provider(config).params(config);
  }

  /** {@link #params(GenerateConfig)} of a run in a learned style: the style model's hash is part of the model. */
  public static GenerationParams params(GenerateConfig config, StyleModel style) {
    return provider(config).params(config, style);
  }

  /** The names of environment variables the configured backend reads secrets from (to redact from Spark's logs). */
  public static List<String> secretNames(GenerateConfig config) {
    return provider(config).secretNames(config);
  }

  private static BackendProvider provider(GenerateConfig config) {
    return BackendSection.all().stream().filter(b -> b.name().equals(config.backend()))
        .map(BackendProvider.class::cast).findFirst()
        .orElseThrow(() -> new ConfigException("generate.backend: unknown backend " + config.backend()));
  }
}

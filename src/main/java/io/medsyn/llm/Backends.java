package io.medsyn.llm;

import io.medsyn.config.BackendSection;
import io.medsyn.config.ConfigException;
import io.medsyn.config.GenerateConfig;

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

  /** The parameters every request of the run carries, part of each request's fingerprint. */
  public static GenerationParams params(GenerateConfig config) {
    return provider(config).params(config);
  }

  private static BackendProvider provider(GenerateConfig config) {
    return BackendSection.all().stream().filter(b -> b.name().equals(config.backend()))
        .map(BackendProvider.class::cast).findFirst()
        .orElseThrow(() -> new ConfigException("generate.backend: unknown backend " + config.backend()));
  }
}

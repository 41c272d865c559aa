package io.medsyn.llm;

import io.medsyn.config.BackendSection;
import io.medsyn.config.GenerateConfig;

/**
 * A kind of backend: its name, its own configuration section with its defaults (bound and validated by the config
 * loader as {@link BackendSection} says), the request parameters it records, and how an executor makes one. Adding
 * a backend is its package (the provider, the backend, its settings record) plus one line in
 * {@code META-INF/services/io.medsyn.config.BackendSection}.
 */
public interface BackendProvider extends BackendSection {
  /**
   * The parameters every request of the run carries, part of each request's fingerprint. Called on the driver
   * before anything is sent, so a backend that cannot start (no API key, say) fails here with one clear line.
   */
  GenerationParams params(GenerateConfig config);

  /** @param share this Spark task's share of the run's rate and concurrency limits (1/slots) */
  Backend create(GenerateConfig config, double share);
}

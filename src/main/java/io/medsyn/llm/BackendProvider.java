package io.medsyn.llm;

import io.medsyn.config.BackendSection;
import io.medsyn.config.GenerateConfig;
import io.medsyn.style.StyleModel;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

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

  /**
   * Environment variables that hold this backend's secrets, which a cluster may hand executors as
   * {@code spark.executorEnv.NAME}: the Spark session redacts their values from its event log and UI.
   */
  default List<String> secretNames(GenerateConfig config) {
    return List.of();
  }

  /**
   * @param share this Spark task's share of the run's rate and concurrency limits (1/slots)
   * @throws IllegalStateException for a backend the driver runs ({@link #deferred})
   */
  Backend create(GenerateConfig config, double share);

  /** {@link #create} for a run in a learned style (style null: none); only a backend that writes in it overrides. */
  default Backend create(GenerateConfig config, StyleModel style, double share) {
    return create(config, share);
  }

  /** {@link #params} for a run in a learned style: a backend that writes in it puts the style in its model name. */
  default GenerationParams params(GenerateConfig config, StyleModel style) {
    return params(config);
  }

  /**
   * The backend the driver runs for the whole run (a provider's batch API), when this is one; empty for backends
   * that executors call one request at a time ({@link #create}). The generate stage picks its way of sending by it.
   *
   * @param stateDir where the backend remembers what it has out across runs
   */
  default Optional<DeferredBackend> deferred(GenerateConfig config, Configuration hadoop, String stateDir,
      String runId) {
    return Optional.empty();
  }

  /** USD for one answer of these sizes at this backend's prices; 0 for a backend that costs nothing. */
  default double cost(GenerateConfig config, int promptTokens, int completionTokens) {
    return 0;
  }
}

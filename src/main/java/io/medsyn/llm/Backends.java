package io.medsyn.llm;

import io.medsyn.config.ConfigException;
import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.batch.OpenAiBatchBackend;
import io.medsyn.llm.offline.OfflineBackend;
import io.medsyn.llm.openai.OpenAiBackend;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Creates the configured backend. Called on executors, once per Spark task, with the task's share of the run's
 * limits (1/slots), so that all tasks together never exceed what the endpoint allows.
 */
public final class Backends {
  private Backends() {}

  public static Backend create(GenerateConfig config, double share) {
    return switch (config.backend()) {
      case "offline" -> new OfflineBackend();
      case "openai" -> new OpenAiBackend(config.openai(), share);
      case OpenAiBatchBackend.NAME -> throw new IllegalStateException("the " + OpenAiBatchBackend.NAME
          + " backend runs on the driver (Backends.deferred), not in executors' tasks");
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }

  /**
   * The configured backend when it is one the driver runs ({@link DeferredBackend}, a provider's batch API); empty
   * for the backends that executors call one request at a time.
   *
   * @param stateDir where it remembers what it has out across runs
   */
  public static Optional<DeferredBackend> deferred(GenerateConfig config, Configuration hadoop, String stateDir,
      String runId) {
    if (!config.backend().equals(OpenAiBatchBackend.NAME)) {
      return Optional.empty();
    }
    return Optional.of(new OpenAiBatchBackend(config.openai(), config.openaiBatch(),
        OpenAiBackend.keyFromEnvironment(config.openai()), hadoop, stateDir, runId));
  }

  /** The parameters every request of the run carries, part of each request's fingerprint. */
  public static GenerationParams params(GenerateConfig config) {
    return switch (config.backend()) {
      case "offline" -> new GenerationParams(OfflineBackend.MODEL, 0.0, 0, null);
      case "openai", OpenAiBatchBackend.NAME -> {
        OpenAiBackend.keyFromEnvironment(config.openai());
        yield config.openai().params();
      }
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }
}

package io.medsyn.llm;

import io.medsyn.config.ConfigException;
import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.offline.OfflineBackend;
import io.medsyn.llm.openai.OpenAiBackend;

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
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }

  /** The parameters every request of the run carries, part of each request's fingerprint. */
  public static GenerationParams params(GenerateConfig config) {
    return switch (config.backend()) {
      case "offline" -> new GenerationParams(OfflineBackend.MODEL, 0.0, 0, null);
      case "openai" -> {
        OpenAiBackend.keyFromEnvironment(config.openai());
        yield config.openai().params();
      }
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }
}

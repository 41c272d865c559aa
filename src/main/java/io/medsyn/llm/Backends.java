package io.medsyn.llm;

import io.medsyn.config.ConfigException;
import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.offline.OfflineBackend;

/**
 * Creates the configured backend. Called on executors, once per Spark task, with the task's share of the run's
 * limits (1/slots), so that all tasks together never exceed what the endpoint allows.
 */
public final class Backends {
  private Backends() {}

  public static Backend create(GenerateConfig config, double share) {
    return switch (config.backend()) {
      case "offline" -> new OfflineBackend();
      case "openai" -> throw openaiMissing();
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }

  /** The parameters every request of the run carries, part of each request's fingerprint. */
  public static GenerationParams params(GenerateConfig config) {
    return switch (config.backend()) {
      case "offline" -> new GenerationParams(OfflineBackend.MODEL, 0.0, 0, null);
      case "openai" -> throw openaiMissing();
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }

  private static ConfigException openaiMissing() {
    return new ConfigException("generate.backend: backend openai is not available in this build; use"
        + " generate.backend=offline");
  }
}

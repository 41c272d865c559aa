package io.medsyn.llm;

import io.medsyn.config.ConfigException;
import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.offline.OfflineBackend;
import io.medsyn.llm.openai.OpenAiBackend;
import io.medsyn.style.StyleModel;

/**
 * Creates the configured backend. Called on executors, once per Spark task, with the task's share of the run's
 * limits (1/slots), so that all tasks together never exceed what the endpoint allows.
 */
public final class Backends {
  private Backends() {}

  public static Backend create(GenerateConfig config, double share) {
    return create(config, null, share);
  }

  /** The factory of a run whose offline notes are written in a learned style (null: the built-in habits). */
  public static BackendFactory styled(StyleModel style) {
    return (config, share) -> create(config, style, share);
  }

  private static Backend create(GenerateConfig config, StyleModel style, double share) {
    return switch (config.backend()) {
      case "offline" -> new OfflineBackend(style);
      case "openai" -> new OpenAiBackend(config.openai(), share);
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }

  /** The parameters every request of the run carries, part of each request's fingerprint. */
  public static GenerationParams params(GenerateConfig config) {
    return params(config, null);
  }

  /** {@link #params(GenerateConfig)} of a run in a learned style: the style model's hash is part of the model. */
  public static GenerationParams params(GenerateConfig config, StyleModel style) {
    return switch (config.backend()) {
      case "offline" -> new GenerationParams(OfflineBackend.model(style), 0.0, 0, null);
      case "openai" -> {
        OpenAiBackend.keyFromEnvironment(config.openai());
        yield config.openai().params();
      }
      default -> throw new ConfigException("generate.backend: unknown backend " + config.backend());
    };
  }
}

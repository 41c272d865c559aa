package io.medsyn.llm.openai;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.Backend;
import io.medsyn.llm.BackendProvider;
import io.medsyn.llm.GenerationParams;
import java.io.Serializable;

/** {@code generate.backend: openai}: an OpenAI-compatible chat endpoint, set up by {@code generate.openai}. */
public final class OpenAiProvider implements BackendProvider {
  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Serializable defaults() {
    return OpenAiConfig.defaults();
  }

  @Override
  public GenerationParams params(GenerateConfig config) {
    OpenAiConfig openai = config.section(name(), OpenAiConfig.class);
    OpenAiBackend.keyFromEnvironment(openai);
    return openai.params();
  }

  @Override
  public Backend create(GenerateConfig config, double share) {
    return new OpenAiBackend(config.section(name(), OpenAiConfig.class), share);
  }
}

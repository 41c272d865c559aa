package io.medsyn.llm.batch;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.Backend;
import io.medsyn.llm.BackendProvider;
import io.medsyn.llm.DeferredBackend;
import io.medsyn.llm.GenerationParams;
import io.medsyn.llm.openai.OpenAiBackend;
import io.medsyn.llm.openai.OpenAiConfig;
import io.medsyn.llm.openai.OpenAiProvider;
import java.io.Serializable;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code generate.backend: openai_batch}: the OpenAI Batch API, run from the driver. It reads the endpoint, model,
 * key variable, sampling parameters and list prices of {@code generate.openai}; its own section
 * {@code generate.openai_batch} holds the batch limits, polling and the batch price factor.
 */
public final class OpenAiBatchProvider implements BackendProvider {
  private static final OpenAiProvider OPENAI = new OpenAiProvider();

  @Override
  public String name() {
    return OpenAiBatchBackend.NAME;
  }

  @Override
  public Serializable defaults() {
    return BatchSettings.defaults();
  }

  @Override
  public GenerationParams params(GenerateConfig config) {
    return OPENAI.params(config);
  }

  @Override
  public Backend create(GenerateConfig config, double share) {
    throw new IllegalStateException("the " + name() + " backend runs on the driver (BackendProvider.deferred),"
        + " not in executors' tasks");
  }

  @Override
  public Optional<DeferredBackend> deferred(GenerateConfig config, Configuration hadoop, String stateDir,
      String runId) {
    OpenAiConfig openai = openai(config);
    return Optional.of(new OpenAiBatchBackend(openai, config.section(name(), BatchSettings.class),
        OpenAiBackend.keyFromEnvironment(openai), hadoop, stateDir, runId));
  }

  @Override
  public double cost(GenerateConfig config, int promptTokens, int completionTokens) {
    return OPENAI.cost(config, promptTokens, completionTokens) * config.section(name(), BatchSettings.class)
        .priceFactor();
  }

  private OpenAiConfig openai(GenerateConfig config) {
    return config.section(OPENAI.name(), OpenAiConfig.class);
  }
}

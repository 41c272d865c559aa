package io.medsyn.llm.offline;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.Backend;
import io.medsyn.llm.BackendProvider;
import io.medsyn.llm.GenerationParams;
import io.medsyn.style.StyleModel;
import java.io.Serializable;

/** {@code generate.backend: offline}: the composer, without settings of its own. */
public final class OfflineProvider implements BackendProvider {
  @Override
  public String name() {
    return OfflineBackend.NAME;
  }

  @Override
  public Serializable defaults() {
    return null;
  }

  @Override
  public GenerationParams params(GenerateConfig config) {
    return params(config, null);
  }

  @Override
  public GenerationParams params(GenerateConfig config, StyleModel style) {
    return new GenerationParams(OfflineBackend.model(style), 0.0, 0, null);
  }

  @Override
  public Backend create(GenerateConfig config, double share) {
    return new OfflineBackend(null);
  }

  @Override
  public Backend create(GenerateConfig config, StyleModel style, double share) {
    return new OfflineBackend(style);
  }
}

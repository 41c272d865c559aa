package io.medsyn.llm.offline;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.Backend;
import io.medsyn.llm.BackendProvider;
import io.medsyn.llm.GenerationParams;
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
    return new GenerationParams(OfflineBackend.MODEL, 0.0, 0, null);
  }

  @Override
  public Backend create(GenerateConfig config, double share) {
    return new OfflineBackend();
  }
}

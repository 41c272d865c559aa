package io.medsyn.config;

import java.io.Serializable;

/** A corpus named in the configuration: where it is, its format and which columns hold the id, text and code. */
public record CorpusConfig(String path, String format, String idColumn, String textColumn, String codeColumn)
    implements Serializable {
  public boolean configured() {
    return path != null && !path.isBlank();
  }

  /** The corpus to read, validated under {@code key}; only valid when {@link #configured()}. */
  public CorpusSpec spec(String key) {
    return new CorpusSpec(key, path, format, idColumn, textColumn, codeColumn);
  }
}

package io.medsyn.config;

import java.io.Serializable;

/**
 * A corpus named in the configuration: where it is, its format, which columns hold the id, text and code, and
 * whether rows lacking one of them stop the run or are skipped ({@code bad_rows}).
 */
public record CorpusConfig(String path, String format, String idColumn, String textColumn, String codeColumn,
    String badRows) implements Serializable {
  public boolean configured() {
    return path != null && !path.isBlank();
  }

  /** The corpus to read, validated under {@code key}; only valid when {@link #configured()}. */
  public CorpusSpec spec(String key) {
    return new CorpusSpec(key, path, format, idColumn, textColumn, codeColumn, badRows);
  }
}

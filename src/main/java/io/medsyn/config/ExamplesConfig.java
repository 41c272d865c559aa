package io.medsyn.config;

import java.io.Serializable;



/**
 * Real example notes that tasks may carry as a style example. Only a corpus the user marks as the training split
 * may serve, so that no evaluation note leaks into synthetic data.
 */
public record ExamplesConfig(String path, String format, String idColumn, String textColumn, String codeColumn,
    String split, double share) implements Serializable {
  public ExamplesConfig {
    ConfigException.require(share >= 0 && share <= 1, "share", "a number in [0, 1]", share);
    if (path != null) {
      ConfigException.require("train".equals(split), "split",
          "'train' (example notes may only come from a training split; never point this at evaluation data)",
          split);
    }
  }

  public boolean enabled() {
    return path != null && !path.isBlank() && share > 0;
  }

  /** The corpus to read; only valid when {@link #enabled()}. */
  public CorpusSpec corpus() {
    return new CorpusSpec("sample.examples", path, format, idColumn, textColumn, codeColumn);
  }

}

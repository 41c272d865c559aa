package io.medsyn.config;

import java.io.Serializable;

/** The whole job's configuration: one immutable, validated object read from YAML and command-line overrides. */
public record MedSynConfig(long seed, String output, SparkConfig spark, MkgConfig mkg, SamplingConfig sample,
    GenerateConfig generate, QualityConfig quality, EvaluateConfig evaluate, StyleConfig style) implements Serializable {
  public MedSynConfig {
    ConfigException.require(output != null && !output.isBlank(), "output", "a directory path or s3a:// URI",
        output);
    ConfigException.require(generate != null, "generate", "a section", generate);
    ConfigException.require(style != null, "style", "a section", style);
    ConfigException.require(quality != null, "quality", "a section", quality);
    ConfigException.require(evaluate != null, "evaluate", "a section", evaluate);
  }
}

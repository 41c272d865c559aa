package io.medsyn.config;

import java.io.Serializable;

import java.util.Map;

/** Where Spark runs. {@code master} may be null under spark-submit, which sets it. */
public record SparkConfig(String master, String appName, int shufflePartitions, Map<String, String> conf) implements Serializable {
  public SparkConfig {
    ConfigException.require(appName != null && !appName.isBlank(), "app_name", "a non-empty name", appName);
    ConfigException.require(shufflePartitions >= 1, "shuffle_partitions", "an integer >= 1", shufflePartitions);
    conf = conf == null ? Map.of() : Map.copyOf(conf);
  }
}

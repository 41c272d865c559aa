package io.medsyn.cli;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every sub-command takes to find its configuration. */
public final class ConfigOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "YAML configuration (see conf/medsyn.yaml); without it the embedded defaults apply.")
  Path config;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "Override one configuration key, e.g. --set sample.n=41000 --set mkg.codes=[I10,I11]. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Output root, a directory or s3a:// URI (same as --set output=DIR).")
  String output;

  @Option(names = "--seed", paramLabel = "N", description = "Run seed (same as --set seed=N).")
  Long seed;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for local runs, e.g. local[2] (spark-submit's --master wins).")
  String master;

  @Option(names = "--take-over-lease", description = "Replace the lease of a run on the same output that is dead "
      + "(no heartbeat for 60 s, or its pid gone on this host); a live run's lease is never taken over.")
  boolean takeOverLease;

  MedSynConfig load() {
    return load(List.of(), List.of());
  }

  /** The configuration with {@code before} under the user's own --set overrides and {@code after} over them. */
  MedSynConfig load(List<String> before, List<String> after) {
    List<String> all = new ArrayList<>(before);
    all.addAll(overrides);
    if (output != null) {
      all.add("output=" + output);
    }
    if (seed != null) {
      all.add("seed=" + seed);
    }
    if (master != null) {
      all.add("spark.master=" + master);
    }
    all.addAll(after);
    return ConfigLoader.load(config, all);
  }
}

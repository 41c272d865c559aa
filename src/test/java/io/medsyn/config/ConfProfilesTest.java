package io.medsyn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The profiles in conf/ are what jobs/ and Airflow pass with -c: each must load as the CLI would load it. */
class ConfProfilesTest {
  static Stream<Path> profiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("conf"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void confHoldsTheReferenceAndBothProfiles() throws IOException {
    assertThat(profiles().map(p -> p.getFileName().toString()))
        .contains("medsyn.yaml", "local.yaml", "cluster.yaml");
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void everyProfileLoadsAndCarriesNoCredentials(Path profile) throws IOException {
    MedSynConfig config = ConfigLoader.load(profile, List.of());
    assertThat(config.spark().conf().keySet())
        .noneMatch(key -> key.contains("access.key") || key.contains("secret.key") || key.contains("session.token"));
    assertThat(Files.readString(profile)).doesNotContainPattern("(?i)(secret|access)[._]key\\s*:");
  }

  @Test
  void localProfileRunsOnThisMachine() {
    MedSynConfig config = ConfigLoader.load(Path.of("conf/local.yaml"), List.of());
    assertThat(config.spark().master()).isEqualTo("local[*]");
    assertThat(config.output()).isEqualTo("out");
    assertThat(config.spark().shufflePartitions()).isEqualTo(4);
  }

  @Test
  void clusterProfileLeavesTheMasterToSparkSubmitAndWritesToS3() {
    MedSynConfig config = ConfigLoader.load(Path.of("conf/cluster.yaml"), List.of());
    assertThat(config.spark().master()).isNull();
    assertThat(config.output()).startsWith("s3a://");
    assertThat(config.spark().conf()).containsEntry("spark.dynamicAllocation.enabled", "false")
        .containsEntry("spark.executor.instances", "8").containsEntry("spark.executor.cores", "2")
        .containsEntry("spark.executor.memory", "4g").containsEntry("spark.cores.max", "16");
    assertThat(config.sample().n()).isEqualTo(41000);
  }
}

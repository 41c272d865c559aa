package io.medsyn.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.CliModel;
import io.medsyn.testing.Jobs;
import io.medsyn.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jobs/ wrappers: one per stage, options from flags or the environment, the spark-submit they build. */
class JobWrappersTest {
  /** A spark-submit that --dry-run names but never starts: the tests see the command it would get. */
  private static final Map<String, String> SPARK_SUBMIT = Map.of("SPARK_SUBMIT", "/opt/spark/bin/spark-submit");
  private static final String JAR = "s3a://medsyn-jobs/medsyn-job.jar";

  static Stream<String> commands() {
    List<String> all = new ArrayList<>(CliModel.stages());
    all.add(CliModel.RUN_ALL);
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandHasAnExecutableWrapperThatSubmitsIt(String command) throws IOException {
    Path wrapper = Jobs.wrapper(command);
    assertThat(wrapper).as("add %s: exec \"$(dirname \"$0\")/lib/submit.sh\" %s \"$@\"", wrapper, command)
        .isExecutable();
    assertThat(Files.readString(wrapper)).contains("exec \"$(dirname \"$0\")/lib/submit.sh\" " + command + " \"$@\"");

    Processes.Result dry = Jobs.run(command, SPARK_SUBMIT, Duration.ofSeconds(30), List.of("--jar", JAR, "--dry-run"));

    assertThat(dry.exit()).as(dry.output()).isZero();
    assertThat(dry.stdout().trim()).isEqualTo("/opt/spark/bin/spark-submit --master local\\[\\*\\] --deploy-mode client"
        + " --class io.medsyn.MedSyn --name medsyn-" + command + " --driver-memory 1g " + JAR + " " + command);
  }

  @Test
  void thereIsNoWrapperForACommandTheCliLacks() throws IOException {
    List<String> wrappers;
    try (Stream<Path> files = Files.list(Jobs.DIR)) {
      wrappers = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sh")).sorted().toList();
    }
    assertThat(wrappers).containsExactlyInAnyOrderElementsOf(
        commands().map(c -> Jobs.wrapper(c).getFileName().toString()).toList());
  }

  @Test
  void helpListsEveryOptionWithItsEnvironmentVariable() {
    Processes.Result help = Jobs.run("sample", Map.of(), Duration.ofSeconds(30), List.of("--help"));

    assertThat(help.exit()).isZero();
    assertThat(help.stdout()).startsWith("Usage: jobs/sample.sh [options] [--] [medsyn sample options]")
        .contains("MEDSYN_MASTER", "MEDSYN_DEPLOY_MODE", "MEDSYN_CONFIG", "MEDSYN_DRIVER_MEMORY",
            "MEDSYN_SPARK_CONF", "MEDSYN_JAR");
    assertThat(Jobs.options()).containsExactly("--conf", "--config", "--deploy-mode", "--driver-memory",
        "--dry-run", "--help", "--jar", "--master");
  }

  @Test
  void flagsWinOverTheEnvironmentAndMedsynOptionsPassThrough() {
    Map<String, String> env = new java.util.HashMap<>(SPARK_SUBMIT);
    env.putAll(Map.of("MEDSYN_MASTER", "yarn", "MEDSYN_DRIVER_MEMORY", "3g", "MEDSYN_JAR", JAR,
        "MEDSYN_SPARK_CONF", "spark.executor.memory=2g spark.executor.cores=2"));

    Processes.Result dry = Jobs.run("sample", env, Duration.ofSeconds(30), List.of("--master", "spark://127.0.0.1:7077",
        "--conf", "spark.cores.max=4", "--config", "conf/local.yaml", "--dry-run", "--", "--output", "/data/run",
        "--set", "sample.n=10"));

    assertThat(dry.exit()).as(dry.output()).isZero();
    assertThat(dry.stdout().trim()).isEqualTo("/opt/spark/bin/spark-submit --master spark://127.0.0.1:7077"
        + " --deploy-mode client --class io.medsyn.MedSyn --name medsyn-sample --driver-memory 3g"
        + " --conf spark.executor.memory=2g --conf spark.executor.cores=2 --conf spark.cores.max=4 " + JAR
        + " sample -c " + Processes.PROJECT.resolve("conf/local.yaml") + " --output /data/run --set sample.n=10");
  }

  @Test
  void clusterModeShipsTheConfigWithTheDriver() {
    Processes.Result dry = Jobs.run("mkg", SPARK_SUBMIT, Duration.ofSeconds(30), List.of("--master", "yarn",
        "--deploy-mode", "cluster", "--config", "conf/cluster.yaml", "--jar", JAR, "--dry-run"));

    assertThat(dry.exit()).as(dry.output()).isZero();
    assertThat(dry.stdout()).contains("--deploy-mode cluster", "--files conf/cluster.yaml",
        JAR + " mkg -c cluster.yaml");
  }

  @Test
  void withoutSparkSubmitTheWrapperRunsSparkSubmitOnTheBuildClasspath() throws IOException {
    Processes.Result dry = Jobs.run("sample", Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(30),
        List.of("--jar", JAR, "--driver-memory", "768m", "--dry-run"));

    assertThat(dry.exit()).as(dry.output()).isZero();
    assertThat(dry.stdout()).contains("-Xmx768m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp " + Files.readString(Processes.PROJECT.resolve("target/classpath.txt")).trim(),
        "org.apache.spark.deploy.SparkSubmit --master local\\[\\*\\]", JAR + " sample");
  }

  @Test
  void badInputIsNamedWithItsFix() {
    assertThat(error(List.of("--deploy-mode", "remote"))).contains("--deploy-mode must be client or cluster, got 'remote'");
    assertThat(error(List.of("--conf", "spark.executor.memory"))).contains("--conf expects KEY=VALUE");
    assertThat(error(List.of("--config", "conf/nope.yaml"))).contains("--config conf/nope.yaml: no such file");
    assertThat(error(List.of("--jar", "target/nope.jar"))).contains("job jar target/nope.jar not found",
        "make build");
    assertThat(error(List.of("--master"))).contains("--master needs a value");
  }

  private static String error(List<String> args) {
    Processes.Result result = Jobs.run("sample", SPARK_SUBMIT, Duration.ofSeconds(30), args);
    assertThat(result.exit()).as(result.output()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("jobs/sample.sh: ");
    return result.stderr();
  }
}

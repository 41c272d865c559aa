package io.medsyn.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.Jobs;
import io.medsyn.testing.Processes;
import io.medsyn.testing.S3Server;
import io.medsyn.testing.SmallRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded job jar as spark-submit runs it: what it carries, and a stage run end to end through a wrapper. */
class JobsIT {
  private static final Path JOB_JAR = Path.of(System.getProperty("medsyn.job.jar",
      "target/medsyn-spark-0.1.0-SNAPSHOT-job.jar"));
  /** The jar was 15 MB with S3A and the AWS SDK; a jump means a dependency dragged something big in. */
  private static final long MAX_JAR_BYTES = 25L << 20;

  @Test
  void jobJarCarriesS3aAndItsClientsButLeavesSparkToTheCluster() throws IOException {
    assertThat(Files.size(JOB_JAR)).isLessThan(MAX_JAR_BYTES);
    List<String> entries;
    try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
      entries = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.medsyn.MedSyn");
    }
    assertThat(entries).contains("io/medsyn/MedSyn.class", "io/medsyn/shaded/picocli/CommandLine.class",
        "org/apache/hadoop/fs/s3a/S3AFileSystem.class", "software/amazon/awssdk/services/s3/S3Client.class",
        "software/amazon/awssdk/transfer/s3/S3TransferManager.class",
        "software/amazon/awssdk/services/sts/StsClient.class",
        "software/amazon/awssdk/http/apache/ApacheHttpClient.class",
        "software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class",
        "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class", "mkg/builtin/i_j.yaml",
        "medsyn-defaults.yaml");
    for (String provided : List.of("org/apache/spark/", "scala/", "io/netty/", "org/slf4j/",
        "com/fasterxml/jackson/databind/", "org/apache/hadoop/conf/", "org/apache/hadoop/fs/FileSystem.class",
        "com/google/protobuf/", "org/apache/commons/io/", "org/apache/commons/logging/", "picocli/")) {
      assertThat(entries).as("the cluster provides %s", provided).noneMatch(e -> e.startsWith(provided));
    }
  }

  /**
   * jobs/sample.sh in local mode, without a Spark distribution: SparkSubmit on the build's classpath runs the shaded
   * jar, and the tasks go to an S3 server with credentials from the standard environment variables.
   */
  @Test
  void sampleWrapperRunsEndToEndThroughSparkSubmitAndWritesToS3() throws Exception {
    try (S3Server s3 = S3Server.start()) {
      String output = s3.uri("runs/2026-11-24");
      List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--driver-memory", "768m",
          "--conf", "spark.ui.enabled=false"));
      s3.s3aSettings().forEach((key, value) -> args.addAll(List.of("--conf", "spark.hadoop." + key + "=" + value)));
      args.addAll(List.of("--conf", "spark.hadoop.fs.s3a.bucket." + s3.bucket() + ".aws.credentials.provider="
          + "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider", "--"));
      args.addAll(SmallRun.cliArgs(output));

      Processes.Result run = Jobs.run("sample", Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
          "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY, "PATH", "/usr/bin:/bin"), Duration.ofMinutes(4), args);

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.stdout()).contains("sampled 60 tasks into " + output + "/tasks");
      assertThat(run.stdout() + run.stderr()).doesNotContain(S3Server.SECRET_KEY);
      List<String> keys = s3.keys("runs/2026-11-24/tasks/");
      assertThat(keys).contains("runs/2026-11-24/tasks/_SUCCESS");
      assertThat(keys).filteredOn(k -> k.endsWith(".parquet")).hasSize(3);
    }
  }
}

package io.medsyn.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.pipeline.Layout;
import io.medsyn.testing.CliModel;
import io.medsyn.testing.DataFrameAssert;
import io.medsyn.testing.Processes;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.StandaloneCluster;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real multi-JVM Spark cluster (a master, two workers, an executor JVM on each), submitted
 * through jobs/pipeline.sh with the shaded job jar: its tables are complete and equal to a local run's.
 */
class StandaloneClusterIT {
  @RegisterExtension
  static final StandaloneCluster CLUSTER = StandaloneCluster.builder().workers(2).build();

  @TempDir
  Path dir;

  @Test
  void pipelineOnTwoExecutorJvmsWritesTheSameTablesAsALocalRun() throws Exception {
    String output = dir.resolve("cluster").toString();
    StandaloneCluster.SparkApp app = CLUSTER.submit(CliModel.RUN_ALL, List.of("--driver-memory", "768m",
        "--conf", "spark.executor.memory=512m"), SmallRun.cliArgs(output));
    // The local reference run goes on meanwhile: the cluster's JVMs spend much of their time starting up.
    SparkSession spark = TestSpark.session();
    CompletableFuture<Layout> local = CompletableFuture.supplyAsync(SmallRun::shared);

    List<StandaloneCluster.Executor> executors = CLUSTER.awaitExecutors(2, Duration.ofSeconds(90));
    Set<Long> workerPids = CLUSTER.workers().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
    assertThat(executors).extracting(StandaloneCluster.Executor::worker).containsExactlyInAnyOrder(0, 1);
    assertThat(executors).extracting(StandaloneCluster.Executor::pid).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(workerPids).doesNotContain(ProcessHandle.current().pid());
    assertThat(executors).extracting(StandaloneCluster.Executor::appId).allMatch(id -> id.startsWith("app-"))
        .containsOnly(executors.get(0).appId());
    app.awaitSuccess(Duration.ofMinutes(3));
    assertThat(app.log()).contains("sampled 60 tasks into " + output + "/tasks");

    // Both executor JVMs ran tasks of the job, not just the first to register.
    List<Path> logs = CLUSTER.executorLogs();
    assertThat(logs).hasSize(2);
    for (Path log : logs) {
      assertThat(Processes.tail(log, Integer.MAX_VALUE)).as("executor log %s", log).contains("Finished task");
    }

    Layout reference = local.get(3, TimeUnit.MINUTES);
    Layout cluster = new Layout(output);
    for (Map.Entry<String, String> table : cluster.tables().entrySet()) {
      DataFrameAssert.assertSameData(spark.read().parquet(table.getValue()),
          spark.read().parquet(reference.tables().get(table.getKey())), 0.0);
    }
    assertThat(spark.read().parquet(cluster.tasks()).select("task_id").distinct().count()).isEqualTo(60);
  }
}

package io.medsyn.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import io.medsyn.testing.CliModel;
import io.medsyn.testing.DataFrameAssert;
import io.medsyn.testing.Processes;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.StandaloneCluster;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real multi-JVM Spark cluster (a master, two workers, an executor JVM on each), submitted
 * through the jobs/ wrappers with the shaded job jar: its tables are complete and equal to a local run's, and the
 * generate stage keeps the LLM endpoint's limits across executor JVMs and survives losing one mid-stage.
 */
class StandaloneClusterIT {
  @RegisterExtension
  static final StandaloneCluster CLUSTER = StandaloneCluster.builder().workers(2).build();

  private static final int GENERATE_TASKS = 90;
  private static final int SLOTS = 2;
  private static final int IN_FLIGHT = 4;
  /** Requests per second, on the server and in the job's configuration alike. */
  private static final int LIMIT = 20;

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
    List<Path> logs = CLUSTER.executorLogs(executors.get(0).appId());
    assertThat(logs).hasSize(2);
    for (Path log : logs) {
      assertThat(Processes.tail(log, Integer.MAX_VALUE)).as("executor log %s", log).contains("Finished task");
    }

    Layout reference = local.get(3, TimeUnit.MINUTES);
    Layout cluster = new Layout(output);
    for (Map.Entry<String, String> table : cluster.tables().entrySet()) {
      DataFrameAssert.assertSameData(SmallRun.withoutRunClock(spark.read().parquet(table.getValue())),
          SmallRun.withoutRunClock(spark.read().parquet(reference.tables().get(table.getKey()))), 0.0);
    }
    assertThat(spark.read().parquet(cluster.tasks()).select("task_id").distinct().count()).isEqualTo(60);
  }

  @Test
  void anExecutorKilledMidGenerateLosesAndDuplicatesNoNoteAndTheLimitHoldsAcrossExecutorJvms() throws Exception {
    // 150 ms a request and 20 requests/s for the job keep generate busy for about 6 s: time to kill mid-stage.
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().latency(Duration.ofMillis(150))
        .rateLimit(LIMIT, Duration.ofSeconds(1)).start()) {
      Path output = dir.resolve("killed");
      List<String> overrides = List.of("output=" + output, "mkg.source=csv",
          "mkg.vertices=src/test/resources/mkg/vertices.csv", "mkg.edges=src/test/resources/mkg/edges.csv",
          "sample.n=" + GENERATE_TASKS, "sample.partitions=3", "spark.shuffle_partitions=2",
          "generate.backend=openai", "generate.slots=" + SLOTS, "generate.openai.base_url=" + server.baseUrl(),
          "generate.openai.api_key_env=", "generate.openai.rate_window_seconds=1",
          "generate.openai.requests_per_minute=" + LIMIT * 60, "generate.openai.tokens_per_minute=0",
          "generate.openai.max_in_flight=" + IN_FLIGHT);
      // The tasks table comes from this JVM, so that the cluster's application is the generate stage alone.
      RunContext local = new RunContext(ConfigLoader.load(null, overrides), TestSpark.session());
      new SampleStage().run(local);
      Path journal = Path.of(local.layout().journal());

      List<String> args = new ArrayList<>();
      overrides.forEach(o -> args.addAll(List.of("--set", o)));
      // Without delay scheduling both generate tasks start at once, one in each executor JVM (1 core each),
      // rather than the second waiting up to 3 s for an executor Spark prefers (delay scheduling). Executors do not
      // read each other's shuffle files from the disk they share here: as on separate machines, a killed
      // executor's shuffle output is gone with it.
      StandaloneCluster.SparkApp app = CLUSTER.submit("generate", List.of("--driver-memory", "768m",
          "--conf", "spark.executor.memory=512m", "--conf", "spark.locality.wait=0",
          "--conf", "spark.shuffle.readHostLocalDisk=false"), args);
      List<StandaloneCluster.Executor> executors = CLUSTER.awaitExecutors(2, Duration.ofSeconds(90));
      assertThat(executors).extracting(StandaloneCluster.Executor::appId).containsOnly(executors.get(0).appId());

      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (server.requestCount() < GENERATE_TASKS / 3 && app.isRunning() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      StandaloneCluster.Executor victim = executors.get(0);
      assertThat(victim.process().isAlive()).as("the executor was alive when killed").isTrue();
      // One core an executor: two partitions journaling at once are two executor JVMs generating.
      assertThat(journalLinesByPartition(journal)).as("journal lines by partition at the kill")
          .hasSize(SLOTS).allSatisfy((partition, lines) -> assertThat(lines).isPositive());
      CLUSTER.kill(victim);
      int sentAtKill = server.requestCount();
      assertThat(sentAtKill).as("requests sent when the executor was killed").isLessThan(GENERATE_TASKS);

      app.awaitSuccess(Duration.ofMinutes(3));
      // Spark retried the lost task alone: no fetch failure, so no new stage attempt running the surviving
      // executor's partition a second time while its first attempt still sends.
      assertThat(app.log()).contains("ExecutorLostFailure").doesNotContain("FetchFailed")
          .contains("wrote " + GENERATE_TASKS + " notes (" + GENERATE_TASKS + " ok, 0 failed)");
      // The killed task ran again: a later attempt's journal file.
      assertThat(journalFiles(journal)).anyMatch(name -> !name.contains("-stage0-attempt0-"));

      Dataset<Row> notes = TestSpark.session().read().parquet(local.layout().notes()).cache();
      assertThat(notes.count()).isEqualTo(GENERATE_TASKS);
      assertThat(notes.select("task_id").distinct().count()).isEqualTo(GENERATE_TASKS);
      assertThat(notes.filter(col("status").equalTo("ok")).count()).isEqualTo(GENERATE_TASKS);
      // Both executor JVMs and the retry together stayed within the limit: the server never had to refuse one.
      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
      assertThat(server.maxRequestsInWindow()).isLessThanOrEqualTo(LIMIT);
      // Answered twice: only what the killed executor had in flight, or answered but not yet journaled.
      Map<String, Integer> answered = new HashMap<>();
      server.requestLog().stream().filter(r -> r.fault() == Fault.NONE)
          .forEach(r -> answered.merge(r.fingerprint(), 1, Integer::sum));
      assertThat(answered.keySet()).isEqualTo(notes.select("note_id").collectAsList().stream()
          .map(r -> r.getString(0)).collect(Collectors.toSet()));
      assertThat(answered.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(IN_FLIGHT);
    }
  }

  private static List<String> journalFiles(Path journal) throws IOException {
    try (Stream<Path> files = Files.list(journal)) {
      return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".jsonl")).sorted().toList();
    }
  }

  /** Whole lines the journal holds now, by the partition in its file names ({@code <run>-part-NNNNN-...}). */
  private static Map<String, Long> journalLinesByPartition(Path journal) throws IOException {
    Map<String, Long> lines = new TreeMap<>();
    if (Files.isDirectory(journal)) {
      for (String name : journalFiles(journal)) {
        String partition = name.substring(name.indexOf("-part-") + 6, name.indexOf("-stage"));
        lines.merge(partition, Files.readString(journal.resolve(name)).chars().filter(c -> c == '\n').count(),
            Long::sum);
      }
    }
    return lines;
  }
}

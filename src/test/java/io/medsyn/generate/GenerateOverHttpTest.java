package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.generate.GenerateStage;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.mkg.MkgStage;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.TestSpark;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generate stage end to end against a real OpenAI-compatible HTTP server on 127.0.0.1 that injects faults and
 * enforces a rate limit: every task is accounted for, the limit holds across the stage's concurrent Spark tasks,
 * and a driver killed with SIGKILL mid-run resumes without paying twice for a note.
 */
class GenerateOverHttpTest {
  private static final int TASKS = 120;
  private static final int SLOTS = 3;
  private static final int IN_FLIGHT = 4;

  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  private static List<String> overrides(Path output, FaultyOpenAiServer server, int perSecond) {
    return List.of("output=" + output, "mkg.codes=[I10,I11,J06,E11,M54,K29]", "sample.n=" + TASKS,
        "sample.partitions=3", "generate.backend=openai", "generate.slots=" + SLOTS,
        "generate.progress_seconds=1", "generate.openai.base_url=" + server.baseUrl(),
        "generate.openai.api_key_env=", "generate.openai.rate_window_seconds=1",
        "generate.openai.requests_per_minute=" + perSecond * 60, "generate.openai.tokens_per_minute=0",
        "generate.openai.max_in_flight=" + IN_FLIGHT, "generate.openai.max_attempts=4",
        "generate.openai.backoff_base_ms=20", "generate.openai.backoff_max_ms=200",
        "generate.openai.read_timeout_seconds=2", "generate.openai.call_timeout_seconds=3",
        "generate.openai.retry_after_max_seconds=2");
  }

  private RunContext pipeline(Path output, FaultyOpenAiServer server, int perSecond) {
    MedSynConfig config = ConfigLoader.load(null, overrides(output, server, perSecond));
    return new RunContext(config, spark);
  }

  @Test
  void withTwentyPercentFaultsEveryTaskEndsAsOneRowAndTheLimitHolds() {
    int limit = 30;
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().latency(Duration.ofMillis(20))
        .fault(Fault.SERVER_ERROR, 0.06).fault(Fault.UNAVAILABLE, 0.03).fault(Fault.RATE_LIMITED, 0.03)
        .fault(Fault.MALFORMED, 0.03).fault(Fault.TRUNCATED, 0.03).fault(Fault.BAD_REQUEST, 0.02)
        .hang(Duration.ofSeconds(5)).seed(7).rateLimit(limit, Duration.ofSeconds(1)).start()) {
      RunContext pipeline = pipeline(dir, server, limit);
      new MkgStage().run(pipeline);
      new SampleStage().run(pipeline);
      new GenerateStage().run(pipeline);

      Dataset<Row> notes = spark.read().parquet(pipeline.layout().notes()).cache();
      assertThat(notes.count()).isEqualTo(TASKS);
      assertThat(notes.select("task_id").distinct().count()).isEqualTo(TASKS);
      long ok = notes.filter(col("status").equalTo("ok")).count();
      long failed = notes.filter(col("status").equalTo("failed")).count();
      assertThat(ok + failed).isEqualTo(TASKS);
      // 2 % of the requests are 400s, never retried; the retried faults mostly recover within 4 attempts.
      assertThat(ok).isGreaterThan(TASKS * 9 / 10);
      assertThat(failed).isPositive();
      List<String> classes = notes.filter(col("status").equalTo("failed")).select("error_class").distinct()
          .collectAsList().stream().map(r -> r.getString(0)).toList();
      assertThat(classes).contains("BAD_REQUEST");
      assertThat(notes.filter(col("status").equalTo("ok").and(col("text").isNull())).count()).isZero();
      // The three generating tasks share the job's limit: the server never had to refuse one for going over.
      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
      assertThat(server.maxRequestsInWindow()).isLessThanOrEqualTo(limit);
      // A 400 is answered once and not sent again.
      Map<String, Long> perFingerprint = server.requestLog().stream().filter(r -> r.fault() == Fault.BAD_REQUEST)
          .collect(Collectors.groupingBy(FaultyOpenAiServer.LoggedRequest::fingerprint, Collectors.counting()));
      perFingerprint.forEach((fp, n) -> assertThat(server.requestsFor(fp)).as(fp).hasSize(1));
    }
  }

  @Test
  void aDriverKilledMidRunResumesWithoutPayingTwice() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().latency(Duration.ofMillis(150)).start()) {
      Path killed = dir.resolve("killed");
      RunContext first = pipeline(killed, server, 40);
      new MkgStage().run(first);
      new SampleStage().run(first);

      Process child = generateInChildJvm(killed, server);
      try {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (server.requestCount() < TASKS / 3 && child.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the child was still generating when killed").isTrue();
      } finally {
        // SIGKILL: no shutdown hook, no flush, no cleanup.
        child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor();
      }
      int sentBeforeKill = server.requestCount();
      assertThat(sentBeforeKill).isLessThan(TASKS);

      new GenerateStage().run(pipeline(killed, server, 40));

      Dataset<Row> notes = spark.read().parquet(killed.resolve("notes").toString()).cache();
      assertThat(notes.count()).isEqualTo(TASKS);
      assertThat(notes.filter(col("status").equalTo("ok")).count()).isEqualTo(TASKS);
      // Paid twice: a fingerprint answered with a note more than once. Only what was in flight at the kill may be.
      Map<String, Integer> answered = new HashMap<>();
      server.requestLog().stream().filter(r -> r.fault() == Fault.NONE && r.fingerprint() != null)
          .forEach(r -> answered.merge(r.fingerprint(), 1, Integer::sum));
      long paidTwice = answered.values().stream().filter(n -> n > 1).count();
      assertThat(paidTwice).isLessThanOrEqualTo(SLOTS * IN_FLIGHT);
      assertThat(answered).hasSize(TASKS);

      // The same corpus as a run that was never interrupted.
      Path clean = dir.resolve("clean");
      RunContext uninterrupted = pipeline(clean, server, 40);
      new MkgStage().run(uninterrupted);
      new SampleStage().run(uninterrupted);
      new GenerateStage().run(uninterrupted);
      assertThat(texts(killed)).isEqualTo(texts(clean));
    }
  }

  private Set<String> texts(Path output) {
    return spark.read().parquet(output.resolve("notes").toString()).select("note_id", "text").collectAsList()
        .stream().map(r -> r.getString(0) + "\t" + r.getString(1)).collect(Collectors.toSet());
  }

  /** {@code medsyn generate} in a JVM of its own, with the flags and classpath this test JVM has. */
  private static Process generateInChildJvm(Path output, FaultyOpenAiServer server) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.medsyn.MedSyn");
    command.add("generate");
    command.add("--master");
    command.add("local[2]");
    for (String o : overrides(output, server, 40)) {
      command.add("--set");
      command.add(o);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.resolve("child.log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }
}

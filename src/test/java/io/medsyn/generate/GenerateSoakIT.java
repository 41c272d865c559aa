package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.llm.FaultyOpenAiServer.LoggedRequest;
import io.medsyn.mkg.MkgStage;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.ChildJvm;
import io.medsyn.testing.DataFrameAssert;
import io.medsyn.testing.Processes;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's soak (item 8): 5,000 tasks against a rate-limited server with 20 % mixed faults, the driver killed
 * with SIGKILL twice part-way and re-run after each kill. It ends as one row per task, no note paid for twice beyond
 * what was in flight at the kills, and the same notes as a run that was never interrupted.
 */
class GenerateSoakIT {
  private static final int TASKS = 5_000;
  private static final int SLOTS = 2;
  private static final int IN_FLIGHT = 8;
  private static final int PER_SECOND = 200;
  private static final int KILLS = 2;
  /** The columns that tell how a note was got (attempts, usage) rather than what it is. */
  private static final List<String> PATH_COLUMNS = List.of("attempts", "prompt_tokens", "completion_tokens",
      "cost_usd", "usage_estimated", "finish_reason");

  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  @Test
  void twoKillsAndReRunsEndAsOneRowPerTaskPaidOnceAndTheUninterruptedCorpus() throws Exception {
    Path soaked = dir.resolve("soaked");
    Path clean = dir.resolve("clean");
    List<Integer> killedAt = new ArrayList<>();
    long start = System.nanoTime();
    List<LoggedRequest> soakLog;
    String soakUrl;
    try (FaultyOpenAiServer server = faultyServer()) {
      soakUrl = server.baseUrl();
      RunContext context = new RunContext(ConfigLoader.load(null, overrides(soaked, server)), spark);
      new MkgStage().run(context);
      new SampleStage().run(context);

      for (int kill = 1; kill <= KILLS; kill++) {
        killedAt.add(generateUntilKilled(soaked, server, kill * TASKS / (KILLS + 1)));
      }
      List<String> args = generateArgs(soaked, server);
      Processes.Result last = Processes.run(ChildJvm.medsyn(args), Map.of("SPARK_LOCAL_IP", "127.0.0.1"),
          Duration.ofMinutes(4));
      assertThat(last.exit()).as(last.output()).isZero();
      soakLog = server.requestLog();
      System.out.printf("soak: %d requests, %d over the limit, most in 1 s %d, %.0f s%n", soakLog.size(),
          server.count(Fault.OVER_LIMIT), server.maxRequestsInWindow(), (System.nanoTime() - start) / 1e9);

      // The mix was served, and the pacing held across three drivers: the server never refused one over its limit.
      for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.RATE_LIMITED, Fault.MALFORMED,
          Fault.TRUNCATED, Fault.EMPTY, Fault.WRONG_ROLE, Fault.NO_USAGE, Fault.BAD_REQUEST)) {
        assertThat(server.count(fault)).as(fault.name()).isPositive();
      }
      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
    }

    Dataset<Row> notes = spark.read().parquet(soaked.resolve("notes").toString()).cache();
    assertThat(notes.count()).isEqualTo(TASKS);
    assertThat(notes.select("task_id").distinct().count()).isEqualTo(TASKS);

    // Paid twice: a prompt answered with a usable note more than once. Only what was in flight at a kill may be,
    // at most slots x max_in_flight per kill; without the journal a re-run would pay for every note again.
    Map<String, Integer> paid = new HashMap<>();
    soakLog.stream().filter(r -> r.fingerprint() != null && (r.fault() == Fault.NONE || r.fault() == Fault.NO_USAGE))
        .forEach(r -> paid.merge(r.fingerprint(), 1, Integer::sum));
    int paidAgain = paid.values().stream().mapToInt(n -> n - 1).sum();
    assertThat(paidAgain).isLessThanOrEqualTo(KILLS * SLOTS * IN_FLIGHT);

    try (FaultyOpenAiServer server = faultyServer()) {
      RunContext uninterrupted = new RunContext(ConfigLoader.load(null, overrides(clean, server)), spark);
      new MkgStage().run(uninterrupted);
      new SampleStage().run(uninterrupted);
      long cleanStart = System.nanoTime();
      new GenerateStage().run(uninterrupted);
      Set<String> cut = cutByAKill(soakLog, killedAt);
      Dataset<Row> reference = spark.read().parquet(clean.resolve("notes").toString());
      System.out.printf("uninterrupted: %d requests, %d over the limit, %.0f s; paid again %d, cut by a kill %d%n",
          server.requestCount(), server.count(Fault.OVER_LIMIT), (System.nanoTime() - cleanStart) / 1e9,
          paidAgain, cut.size());
      assertThat(reference.filter(col("status").equalTo("ok")).count()).isGreaterThan(TASKS * 9 / 10);
      // A 429 for the limit would add an attempt to an uncut prompt's row.
      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
      DataFrameAssert.assertSameData(comparable(notes, soakUrl, cut), comparable(reference, server.baseUrl(), cut),
          0.0);
    }
  }

  /**
   * 20 % of the prompts draw a fault, by fingerprint: the draw does not depend on which driver sent the request,
   * so a killed-and-resumed run and an uninterrupted one meet the same faults.
   */
  private static FaultyOpenAiServer faultyServer() {
    return FaultyOpenAiServer.builder().latency(Duration.ofMillis(20)).faultsByFingerprint()
        .fault(Fault.SERVER_ERROR, 0.05).fault(Fault.UNAVAILABLE, 0.03).fault(Fault.RATE_LIMITED, 0.03)
        .fault(Fault.MALFORMED, 0.02).fault(Fault.TRUNCATED, 0.02).fault(Fault.EMPTY, 0.01)
        .fault(Fault.WRONG_ROLE, 0.01).fault(Fault.NO_USAGE, 0.02).fault(Fault.BAD_REQUEST, 0.01).seed(12)
        .rateLimit(PER_SECOND, Duration.ofSeconds(1)).start();
  }

  private static List<String> overrides(Path output, FaultyOpenAiServer server) {
    return List.of("output=" + output, "mkg.codes=[I10,I11,J06,E11,M54,K29]", "sample.n=" + TASKS,
        "sample.partitions=2", "generate.backend=openai", "generate.slots=" + SLOTS,
        "generate.progress_seconds=10", "generate.openai.base_url=" + server.baseUrl(),
        "generate.openai.api_key_env=", "generate.openai.requests_per_second=" + PER_SECOND,
        "generate.openai.requests_per_minute=0", "generate.openai.tokens_per_minute=0",
        "generate.openai.max_in_flight=" + IN_FLIGHT, "generate.openai.max_attempts=6",
        "generate.openai.backoff_base_ms=20", "generate.openai.backoff_max_ms=200",
        "generate.openai.read_timeout_seconds=5", "generate.openai.call_timeout_seconds=10",
        "generate.openai.retry_after_max_seconds=2");
  }

  /** A killed run leaves its lease behind; the re-run takes it over, as a user would after a crash. */
  private static List<String> generateArgs(Path output, FaultyOpenAiServer server) {
    List<String> args = new ArrayList<>(List.of("generate", "--take-over-lease"));
    args.addAll(ChildJvm.sets(overrides(output, server)));
    return args;
  }

  /**
   * Runs {@code medsyn generate} in a JVM of its own and SIGKILLs it (no shutdown hook, no flush) once the server
   * has answered {@code notes} usable notes in all; returns the server's request count at the kill.
   */
  private static int generateUntilKilled(Path output, FaultyOpenAiServer server, int notes) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(ChildJvm.medsyn(generateArgs(output, server)))
        .redirectErrorStream(true).redirectOutput(output.resolve("child-" + notes + ".log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process child = builder.start();
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (server.count(Fault.NONE) + server.count(Fault.NO_USAGE) < notes && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(child.isAlive()).as("the driver was still generating at %d notes: %s", notes,
          Processes.tail(output.resolve("child-" + notes + ".log"), 4000)).isTrue();
    } finally {
      child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
      child.waitFor();
    }
    // What the dead driver had already put on the wire still reaches the server: the kill falls after it.
    int count;
    do {
      count = server.requestCount();
      Thread.sleep(500);
    } while (server.requestCount() != count);
    return count;
  }

  /**
   * The prompts with requests on both sides of a kill: their attempts and usage depend on where the kill fell (the
   * re-run starts counting attempts again), not what they are.
   */
  private static Set<String> cutByAKill(List<LoggedRequest> log, List<Integer> killedAt) {
    Set<String> cut = new HashSet<>();
    for (int boundary : killedAt) {
      Set<String> before = new HashSet<>();
      log.subList(0, Math.min(boundary, log.size())).forEach(r -> before.add(r.fingerprint()));
      log.subList(Math.min(boundary, log.size()), log.size()).stream().map(LoggedRequest::fingerprint)
          .filter(before::contains).forEach(cut::add);
    }
    return cut;
  }

  /** A notes table without its run clock, its server's address, or the path columns of the prompts a kill cut. */
  private static Dataset<Row> comparable(Dataset<Row> notes, String baseUrl, Set<String> cut) {
    Dataset<Row> table = SmallRun.withoutRunClock(notes)
        .withColumn("error_message", regexp_replace(col("error_message"), Pattern.quote(baseUrl), "SERVER"));
    Column wasCut = col("note_id").isin(cut.toArray());
    for (String column : PATH_COLUMNS) {
      table = table.withColumn(column, when(wasCut, lit(null)).otherwise(col(column)));
    }
    return table;
  }
}

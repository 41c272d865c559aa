package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.medsyn.config.ConfigLoader;
import io.medsyn.llm.FaultyBatchServer;
import io.medsyn.llm.FaultyBatchServer.LineEnd;
import io.medsyn.llm.FaultyBatchServer.Submission;
import io.medsyn.mkg.MkgStage;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.Processes;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generate stage with {@code generate.backend: openai_batch} end to end against a real Batch API server on
 * 127.0.0.1 that fails lines and expires batches: every task ends as one row, a request goes out again only after
 * its earlier line failed or expired, the enqueued-tokens limit holds, and a driver killed while it waits resumes
 * waiting for the same batches.
 */
class GenerateBatchTest {
  private static final int TASKS = 60;
  private static final int PER_BATCH = 20;

  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  private static List<String> overrides(Path output, FaultyBatchServer server, long enqueuedTokens) {
    return List.of("output=" + output, "mkg.codes=[I10,I11,J06,E11]", "sample.n=" + TASKS, "sample.partitions=2",
        "generate.backend=openai_batch", "generate.progress_seconds=1",
        "generate.openai.base_url=" + server.baseUrl(), "generate.openai.api_key_env=",
        "generate.openai.backoff_base_ms=20", "generate.openai.backoff_max_ms=200",
        "generate.openai_batch.max_requests_per_batch=" + PER_BATCH,
        "generate.openai_batch.enqueued_tokens=" + enqueuedTokens, "generate.openai_batch.max_attempts=3",
        "generate.openai_batch.poll_seconds=0.05", "generate.openai_batch.poll_max_seconds=0.2");
  }

  private RunContext pipeline(Path output, FaultyBatchServer server, long enqueuedTokens, String... more) {
    List<String> all = new ArrayList<>(overrides(output, server, enqueuedTokens));
    all.addAll(List.of(more));
    return new RunContext(ConfigLoader.load(null, all), spark);
  }

  @Test
  void failedLinesAndAnExpiredBatchAreSentAgainAloneAndEveryTaskEndsAsOneRow() {
    try (FaultyBatchServer server = FaultyBatchServer.builder().failLines(0.2).expire(0).seed(3).start()) {
      // Room for two of the three first batches at once (a prompt is about 150 tokens).
      long enqueued = 2 * PER_BATCH * 200;
      RunContext pipeline = pipeline(dir, server, enqueued);
      new MkgStage().run(pipeline);
      new SampleStage().run(pipeline);
      GenerateEstimate estimate = new GenerateStage().dryRun(pipeline);
      assertThat(server.batchCount()).as("a dry run sends nothing").isZero();
      assertThat(estimate.toSend()).isEqualTo(TASKS);
      assertThat(estimate.budgetStopsAfter()).isEqualTo(-1);
      // The same run with a budget of half the estimate would stop about half way.
      GenerateEstimate halfBudget = new GenerateStage().dryRun(pipeline(dir, server, enqueued, "generate.budget_usd="
          + estimate.costUsd() / 2));
      assertThat(halfBudget.budgetStopsAfter()).isBetween(TASKS / 2L - 10, TASKS / 2L + 10);
      assertThat(estimate.costsUsd().get("openai_batch")).isPositive()
          .isCloseTo(estimate.costsUsd().get("openai") / 2, within(1e-12));
      assertThat(estimate.costsUsd().get("offline")).isZero();
      assertThat(estimate.costUsd()).isEqualTo(estimate.costsUsd().get("openai_batch"));

      GenerateSummary summary = new GenerateStage().run(pipeline);

      Dataset<Row> notes = spark.read().parquet(pipeline.layout().notes()).cache();
      assertThat(notes.count()).isEqualTo(TASKS);
      assertThat(notes.select("task_id").distinct().count()).isEqualTo(TASKS);
      List<Submission> log = server.submissions();
      Map<String, List<Submission>> byRequest = log.stream()
          .collect(Collectors.groupingBy(Submission::customId));
      Set<String> noteIds = notes.select("note_id").collectAsList().stream().map(r -> r.getString(0))
          .collect(Collectors.toSet());
      assertThat(byRequest.keySet()).isEqualTo(noteIds);
      // A request went out again only after its earlier line failed or expired, and at most 3 times.
      byRequest.forEach((id, lines) -> {
        assertThat(lines).as(id).hasSizeLessThanOrEqualTo(3);
        lines.subList(0, lines.size() - 1).forEach(line -> assertThat(line.end()).as(id)
            .isIn(LineEnd.FAILED, LineEnd.EXPIRED));
      });
      // The expired first batch: half its lines were processed, the rest went out again.
      assertThat(log.stream().filter(s -> s.end() == LineEnd.EXPIRED).count()).isEqualTo(PER_BATCH / 2);
      assertThat(log.stream().filter(s -> s.end() == LineEnd.FAILED).count()).isPositive();
      // Every task's row: a note where some line was answered, else the failure of its last line.
      long answered = byRequest.values().stream().filter(lines -> lines.get(lines.size() - 1).end()
          == LineEnd.ANSWERED).count();
      assertThat(notes.filter(col("status").equalTo("ok")).count()).isEqualTo(answered);
      assertThat(notes.filter(col("status").equalTo("failed").and(col("error_class").notEqual("SERVER")))
          .count()).isZero();
      assertThat(notes.filter(col("status").equalTo("ok")).select("backend").distinct().collectAsList())
          .extracting(r -> r.getString(0)).containsExactly("openai_batch");
      // The tokens the notes table records are the ones the server answered with.
      long serverTokens = log.stream().mapToLong(s -> s.promptTokens() + s.completionTokens()).sum();
      assertThat(summary.promptTokens() + summary.completionTokens()).isEqualTo(serverTokens);
      assertThat(server.maxEnqueuedPromptTokens()).isPositive().isLessThanOrEqualTo(enqueued);
      // The dry run's estimate against what the server counted (its usage is what the run recorded).
      long estimated = estimate.promptTokens() + estimate.completionTokens();
      long real = summary.promptTokens() + summary.completionTokens();
      assertThat((double) estimated).as("estimated %s vs real %s", estimated, real)
          .isCloseTo(real, withinPercentage(10));
    }
  }

  @Test
  void aDriverKilledWhileItWaitsResumesWaitingForTheSameBatches() throws Exception {
    try (FaultyBatchServer server = FaultyBatchServer.builder().start()) {
      Path killed = dir.resolve("killed");
      RunContext first = pipeline(killed, server, 0);
      new MkgStage().run(first);
      new SampleStage().run(first);
      server.hold();
      List<String> args = new ArrayList<>(List.of("generate"));
      overrides(killed, server, 0).forEach(o -> args.addAll(List.of("--set", o)));
      Process child = Processes.startMedSyn(args, killed.resolve("child.log"));
      try {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (server.submissions().size() < TASKS && child.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        // Long enough for the child to look at its batches a few times.
        Thread.sleep(500);
        assertThat(child.isAlive()).as(Processes.tail(killed.resolve("child.log"), 3000)).isTrue();
      } finally {
        // SIGKILL: no shutdown hook, no cleanup.
        child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor();
      }
      assertThat(server.submissions().size()).isEqualTo(TASKS);
      int batches = server.batchCount();
      GenerateEstimate afterKill = new GenerateStage().dryRun(pipeline(killed, server, 0));
      assertThat(afterKill.waiting()).isEqualTo(TASKS);
      assertThat(afterKill.toSend()).isZero();
      server.release();

      GenerateSummary resumed = new GenerateStage().run(pipeline(killed, server, 0));

      assertThat(server.batchCount()).isEqualTo(batches);
      assertThat(server.submissions()).extracting(Submission::customId).hasSize(TASKS).doesNotHaveDuplicates();
      assertThat(resumed.ok()).isEqualTo(TASKS);
      assertThat(spark.read().parquet(killed.resolve("notes").toString()).filter(col("status").equalTo("ok"))
          .count()).isEqualTo(TASKS);
    }
  }

  @Test
  void cancelKeepsWhatFinishedAndMarksTheRestCancelled() throws Exception {
    try (FaultyBatchServer server = FaultyBatchServer.builder().start()) {
      RunContext pipeline = pipeline(dir, server, 0);
      new MkgStage().run(pipeline);
      new SampleStage().run(pipeline);
      server.hold();
      // A driver stopped while it waits (interrupted here rather than killed, to stay in this JVM).
      Thread driver = new Thread(() -> {
        try {
          new GenerateStage().run(pipeline(dir, server, 0));
        } catch (RuntimeException e) {
          // Interrupted while waiting: the batches stay out.
        }
      });
      driver.start();
      // Interrupted once every batch is in the ledger: a batch created but not yet entered would be lost to it.
      Path ledger = Path.of(pipeline.layout().batches());
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (ledgerEntries(ledger) < TASKS / PER_BATCH && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      driver.interrupt();
      driver.join();

      GenerateSummary cancelled = GenerateStage.cancelling().run(pipeline(dir, server, 0));

      assertThat(cancelled.failed()).isEqualTo(TASKS);
      assertThat(cancelled.failuresByClass()).containsExactly(Map.entry("CANCELLED", (long) TASKS));
      assertThat(server.submissions()).hasSize(TASKS).extracting(Submission::end).containsOnly(LineEnd.CANCELLED);

      server.release();
      GenerateSummary again = new GenerateStage().run(pipeline(dir, server, 0));
      assertThat(again.ok()).isEqualTo(TASKS);
    }
  }

  private static long ledgerEntries(Path ledger) throws IOException {
    if (!Files.isDirectory(ledger)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(ledger)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".created.json")).count();
    }
  }
}

package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.generate.GenerateStage;
import io.medsyn.llm.Backends;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.offline.OfflineBackend;
import io.medsyn.prompt.PromptBook;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.table.NoteSchema;
import io.medsyn.testing.DataFrameAssert;
import io.medsyn.testing.ParquetFooter;
import io.medsyn.testing.SharedData;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.Dependency;
import org.apache.spark.ShuffleDependency;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

class GenerateStageTest {
  /** The built-in composer's model name, which the notes and the hand-written journal below record. */
  private static final String COMPOSER = OfflineBackend.model(null);
  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  private MedSynConfig config(String... overrides) {
    List<String> all = new ArrayList<>(List.of("mkg.source=csv", "mkg.vertices=src/test/resources/mkg/vertices.csv",
        "mkg.edges=src/test/resources/mkg/edges.csv", "sample.partitions=2", "generate.slots=2",
        "output=" + dir));
    all.addAll(List.of(overrides));
    return ConfigLoader.load(null, all);
  }

  private Dataset<Row> notes() {
    return spark.read().parquet(dir.resolve("notes").toString());
  }

  @Test
  void everyTaskEndsAsOneRowAndARerunSendsNothing() {
    RunContext pipeline = new RunContext(config("sample.n=300"), spark);
    new SampleStage().run(pipeline);
    GenerateSummary first = new GenerateStage(TestBackends.counting("rerun")).run(pipeline);
    assertThat(TestBackends.calls("rerun")).isEqualTo(300);
    assertThat(first.sent()).isEqualTo(300);
    assertThat(first.ok()).isEqualTo(300);
    Dataset<Row> notes = notes().cache();
    assertThat(notes.count()).isEqualTo(300);
    assertThat(notes.select("task_id").distinct().count()).isEqualTo(300);
    assertThat(notes.select("note_id").distinct().count()).isEqualTo(300);
    assertThat(notes.filter(col("status").equalTo("ok").and(col("text").isNotNull())).count()).isEqualTo(300);
    assertThat(notes.agg(org.apache.spark.sql.functions.min("task_id"), org.apache.spark.sql.functions.max("task_id"))
        .first()).isEqualTo(org.apache.spark.sql.RowFactory.create(0L, 299L));
    assertThat(Path.of(pipeline.layout().generateCheckpoint())).as("the slotted requests go once sent")
        .doesNotExist();
    Dataset<Row> before = notes.select("task_id", "note_id", "text", "run_id", "finished_at");
    List<Row> kept = before.collectAsList();

    GenerateSummary second = new GenerateStage(TestBackends.counting("rerun")).run(pipeline);
    assertThat(TestBackends.calls("rerun")).as("nothing is sent again").isEqualTo(300);
    assertThat(second.sent()).isZero();
    assertThat(second.alreadyDone()).isEqualTo(300);
    DataFrameAssert.assertSameData(notes().select("task_id", "note_id", "text", "run_id", "finished_at"),
        spark.createDataFrame(kept, before.schema()), 0.0);
  }

  @Test
  void aKilledRunsJournalResumesWithoutResendingFinishedNotes() throws IOException {
    MedSynConfig config = config("sample.n=200");
    RunContext pipeline = new RunContext(config, spark);
    new SampleStage().run(pipeline);
    // The journal a run killed mid-way leaves: 120 notes, one failure, and a line cut off by the kill.
    NoteGenerator dead = new NoteGenerator(config.generate(), Backends::create, PromptBook.load("ru"),
        Backends.params(config.generate()), "20260101T000000Z-dead01");
    List<Row> planned = dead.plan(spark.read().parquet(pipeline.layout().tasks())).orderBy("task_id")
        .collectAsList();
    StringBuilder journal = new StringBuilder();
    for (Row task : planned.subList(0, 120)) {
      journal.append(JournalLine.encode(NoteOutcome.ok(TaskRows.request(task, "20260101T000000Z-dead01"),
          new Completion("hand-written note " + task.getAs("task_id"), "stop", 10, 5, 1, 7, COMPOSER,
              0.0, false, null), 1_767_225_600_000L, 1_767_225_600_007L), task.getAs("task_id"), task.getAs("code")))
          .append('\n');
    }
    Row failed = planned.get(120);
    journal.append(JournalLine.encode(NoteOutcome.failed(TaskRows.request(failed, "20260101T000000Z-dead01"),
        ErrorClass.TIMEOUT, "timed out", 2, 1_767_225_600_000L, 1_767_225_660_000L), failed.getAs("task_id"),
        failed.getAs("code"))).append('\n');
    Row cut = planned.get(121);
    String whole = JournalLine.encode(NoteOutcome.ok(TaskRows.request(cut, "20260101T000000Z-dead01"),
        new Completion("never finished", "stop", 1, 1, 1, 1, "m", 0.0, false, null), 1L, 2L), cut.getAs("task_id"),
        cut.getAs("code"));
    journal.append(whole, 0, whole.length() / 2);
    Path journalDir = Path.of(pipeline.layout().journal());
    Files.createDirectories(journalDir);
    Files.writeString(journalDir.resolve("20260101T000000Z-dead01-part-00000-stage0-attempt0-0000.jsonl"), journal);

    GenerateSummary resumed = new GenerateStage(TestBackends.counting("resume")).run(pipeline);
    assertThat(TestBackends.calls("resume")).as("only the 80 unfinished tasks are sent").isEqualTo(80);
    assertThat(resumed.alreadyDone()).isEqualTo(120);
    Dataset<Row> notes = notes().cache();
    assertThat(notes.count()).isEqualTo(200);
    assertThat(notes.filter(col("status").equalTo("ok")).count()).isEqualTo(200);
    assertThat(notes.filter(col("text").startsWith("hand-written note ")).count()).isEqualTo(120);
    assertThat(notes.filter(col("task_id").equalTo(5L)).select("text", "run_id", "latency_ms", "finished_at").first())
        .isEqualTo(org.apache.spark.sql.RowFactory.create("hand-written note 5", "20260101T000000Z-dead01", 7L,
            java.sql.Timestamp.from(java.time.Instant.ofEpochMilli(1_767_225_600_007L))));
    assertThat(notes.filter(col("task_id").equalTo(planned.get(120).<Long>getAs("task_id"))).select("run_id")
        .first().getString(0)).isEqualTo(resumed.runId());
  }

  @Test
  void requestsAreSentFromCheckpointedSlotsWithNoShuffleInTheSendingStage() {
    MedSynConfig config = config("sample.n=100");
    RunContext pipeline = new RunContext(config, spark);
    new SampleStage().run(pipeline);
    NoteGenerator generator = new NoteGenerator(config.generate(), Backends::create, PromptBook.load("ru"),
        Backends.params(config.generate()), "20260101T000000Z-slots1");
    Dataset<Row> planned = generator.plan(spark.read().parquet(pipeline.layout().tasks()));
    Dataset<Row> slotted = generator.slotted(NoteGenerator.pending(planned,
        Journal.read(spark, pipeline.layout().journal())), pipeline.layout().generateCheckpoint());
    RDD<Row> sending = generator.generate(slotted, pipeline.layout().journal(),
        GenerateMetrics.register(spark.sparkContext()), Double.POSITIVE_INFINITY).rdd();
    assertThat(sending.getNumPartitions()).isEqualTo(2);
    // No shuffle to lose: a lost executor fails only its own task, never the stage, so Spark never starts a second
    // stage attempt that would send the same partitions alongside the first.
    assertThat(shuffles(sending)).isEmpty();
    assertThat(slotted.count()).isEqualTo(100);
    assertThat(Path.of(pipeline.layout().generateCheckpoint())).isNotEmptyDirectory();
  }

  /** The shuffles an RDD reads, over its whole lineage. */
  private static List<Dependency<?>> shuffles(RDD<?> rdd) {
    List<Dependency<?>> found = new ArrayList<>();
    for (Dependency<?> dependency : CollectionConverters.asJava(rdd.dependencies())) {
      if (dependency instanceof ShuffleDependency) {
        found.add(dependency);
      }
      found.addAll(shuffles(dependency.rdd()));
    }
    return found;
  }

  @Test
  void aBackendFailingOneRequestInFiveLosesNoTask() {
    RunContext pipeline = new RunContext(config("sample.n=200"), spark);
    new SampleStage().run(pipeline);
    GenerateSummary flaky = new GenerateStage(TestBackends.failingOneInFive("flaky")).run(pipeline);
    assertThat(TestBackends.calls("flaky")).isEqualTo(200);
    Dataset<Row> notes = notes().cache();
    assertThat(notes.count()).isEqualTo(200);
    List<String> shouldFail = notes.select("note_id").collectAsList().stream().map(r -> r.getString(0))
        .filter(TestBackends::failsOneInFive).toList();
    assertThat(shouldFail).hasSizeBetween(20, 60);
    Dataset<Row> failed = notes.filter(col("status").equalTo("failed"));
    assertThat(failed.select("note_id").collectAsList().stream().map(r -> r.getString(0)).toList())
        .containsExactlyInAnyOrderElementsOf(shouldFail);
    assertThat(failed.select("error_class", "error_message", "attempts", "text", "cost_usd").distinct()
        .collectAsList()).containsExactly(org.apache.spark.sql.RowFactory.create("SERVER",
        "HTTP 503 after 3 attempts", 3, null, 0.0));
    assertThat(flaky.failuresByClass()).isEqualTo(Map.of("SERVER", (long) shouldFail.size()));

    GenerateSummary healed = new GenerateStage(TestBackends.counting("healed")).run(pipeline);
    assertThat(TestBackends.calls("healed")).as("only the failures are sent again").isEqualTo(shouldFail.size());
    assertThat(healed.ok()).isEqualTo(200);
    assertThat(notes().filter(col("status").equalTo("ok")).count()).isEqualTo(200);
  }

  @Test
  void aRefusedKeyStopsTheRunWithAMessageNamingEndpointAndVariable() {
    RunContext pipeline = new RunContext(config("sample.n=200"), spark);
    new SampleStage().run(pipeline);
    assertThatThrownBy(() -> new GenerateStage(TestBackends.refusingTheKey("auth")).run(pipeline))
        .isInstanceOf(GenerationStoppedException.class)
        .hasMessageContaining("refused the credentials: http://127.0.0.1:9/v1 answered 401 Unauthorized; set the"
            + " environment variable MEDSYN_TEST_KEY")
        .hasMessageContaining("journal: " + pipeline.layout().journal());
    assertThat(TestBackends.calls("auth")).as("one request per slot, not 200").isLessThanOrEqualTo(2);
    assertThat(Journal.read(spark, pipeline.layout().journal()).count()).isZero();
    assertThat(dir.resolve("notes")).doesNotExist();
  }

  @Test
  void theBudgetStopsSendingAndAHigherBudgetResumes() {
    new SampleStage().run(new RunContext(config("sample.n=200"), spark));
    // 0.125 and its multiples are exact in binary, so "spent >= share" is exact too.
    GenerateSummary capped = new GenerateStage(TestBackends.priced("budget", 0.125))
        .run(new RunContext(config("generate.budget_usd=5"), spark));
    assertThat(TestBackends.calls("budget")).as("2 slots x $2.50 / $0.125").isEqualTo(40);
    assertThat(capped.ok()).isEqualTo(40);
    assertThat(capped.failuresByClass()).isEqualTo(Map.of("BUDGET", 160L));
    assertThat(notes().filter(col("error_class").equalTo("BUDGET").and(col("attempts").equalTo(0))).count())
        .isEqualTo(160);

    new GenerateStage(TestBackends.priced("budget", 0.125)).run(new RunContext(config("generate.budget_usd=5"), spark));
    assertThat(TestBackends.calls("budget")).as("the same budget is spent already").isEqualTo(40);

    GenerateSummary raised = new GenerateStage(TestBackends.priced("budget", 0.125))
        .run(new RunContext(config("generate.budget_usd=30"), spark));
    assertThat(TestBackends.calls("budget")).isEqualTo(200);
    assertThat(raised.ok()).isEqualTo(200);
    assertThat(raised.costUsd()).isEqualTo(20.0);
  }

  @Test
  void writtenNotesHaveExactlyTheDocumentedSchema() {
    RunContext pipeline = new RunContext(config("sample.n=120", "sample.examples.path=" + SharedData.rumedTrain(),
        "generate.language=en", "style.learn=false"), spark);
    new SampleStage().run(pipeline);
    new GenerateStage().run(pipeline);
    assertThat(ParquetFooter.documented("notes.schema.json")).isEqualTo(NoteSchema.NOTES);
    List<Path> files = ParquetFooter.files(dir.resolve("notes"));
    assertThat(files.stream().map(f -> f.getParent().getFileName().toString()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("code=I10", "code=J06");
    // What each Parquet file holds: the table without its partition column.
    StructType file = new StructType(Arrays.stream(NoteSchema.NOTES.fields())
        .filter(f -> !f.name().equals(NoteSchema.PARTITION)).toArray(StructField[]::new));
    for (Path path : files) {
      assertThat(ParquetFooter.sparkSchema(path)).as(path.toString()).isEqualTo(file);
    }
    Dataset<Row> notes = notes();
    assertThat(notes.schema()).isEqualTo(NoteSchema.NOTES.asNullable());
    Map<String, Long> kinds = notes.groupBy("prompt_kind").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder("symptoms", "example");
    assertThat(notes.filter(col("language").notEqual("en").or(col("backend").notEqual("offline"))
        .or(col("model").notEqual(COMPOSER)).or(col("template_hash").isNull())).count()).isZero();
    PromptBook english = PromptBook.load("en");
    assertThat(notes.filter(col("prompt_kind").equalTo("example")).select("template_hash").distinct()
        .first().getString(0)).isEqualTo(english.template(io.medsyn.prompt.PromptKind.EXAMPLE).hash());
  }
}

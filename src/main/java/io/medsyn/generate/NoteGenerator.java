package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.medsyn.Checks;
import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.BackendFactory;
import io.medsyn.llm.GenerationParams;
import io.medsyn.prompt.PromptBook;
import io.medsyn.prompt.PromptKind;
import io.medsyn.table.NoteSchema;
import io.medsyn.table.TaskSchema;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The {@code generate} stage: plans one request per task (prompt kind, template, fingerprint), sends the ones the
 * journal does not hold a note for, and builds the notes table from the journal. Each step is a function from
 * Dataset to Dataset; the journal directory is the stage's only side channel.
 */
public final class NoteGenerator {
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final GenerateConfig config;
  private final BackendFactory backends;
  private final PromptBook prompts;
  private final GenerationParams params;
  private final String runId;

  /** @param backends makes each Spark task's backend; the pipeline passes {@link io.medsyn.llm.Backends#create} */
  public NoteGenerator(GenerateConfig config, BackendFactory backends, PromptBook prompts, GenerationParams params,
      String runId) {
    Checks.checkArgument(prompts.language().equals(config.language()), "prompts are in %s but generate.language"
        + " is %s", prompts.language(), config.language());
    this.config = config;
    this.backends = backends;
    this.prompts = prompts;
    this.params = params;
    this.runId = runId;
  }

  /** A run id that sorts by start time: 20261123T012345Z-3fa9c1. */
  public static String newRunId() {
    return RUN_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
        + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  /**
   * The tasks with what their request will be: language, prompt kind, template hash, backend, model, and the
   * fingerprint {@code note_id} ({@link Fingerprint}) of all of these with the task's every column and the
   * parameters.
   */
  public Dataset<Row> plan(Dataset<Row> tasks) {
    List<String> columns = Arrays.asList(tasks.columns());
    List<String> missing = Arrays.stream(TaskSchema.TASKS.fieldNames()).filter(c -> !columns.contains(c)).toList();
    Checks.checkArgument(missing.isEmpty(), "the tasks table lacks the columns %s; write it with `medsyn sample`",
        missing);
    String configured = config.promptKind();
    UDF1<String, String> choose = example -> PromptKind.choose(configured, example != null && !example.isBlank())
        .label();
    Column kind = udf(choose, DataTypes.StringType).apply(col("example_text"));
    Column hash = when(col("prompt_kind").equalTo(PromptKind.CODE.label()), prompts.template(PromptKind.CODE).hash())
        .when(col("prompt_kind").equalTo(PromptKind.SYMPTOMS.label()), prompts.template(PromptKind.SYMPTOMS).hash())
        .otherwise(prompts.template(PromptKind.EXAMPLE).hash());
    Column[] task = Arrays.stream(TaskSchema.TASKS.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
    Column[] identity = concat(task, new Column[] {col("language"), col("prompt_kind"), col("template_hash"),
        col("backend"), col("model"), struct(lit(params.model()), lit(params.temperature()),
        lit(params.maxTokens()), lit(params.seed()).cast("long")).as("params")});
    return tasks.select(task)
        .withColumn("language", lit(config.language()))
        .withColumn("prompt_kind", kind)
        .withColumn("template_hash", hash)
        .withColumn("backend", lit(config.backend()))
        .withColumn("model", lit(params.model()))
        .withColumn("note_id", udf((UDF1<Row, String>) Fingerprint::of, DataTypes.StringType)
            .apply(struct(identity)));
  }

  /** The planned requests the journal holds no note for: never sent, failed, or in flight when a run died. */
  public static Dataset<Row> pending(Dataset<Row> planned, Dataset<Row> journal) {
    Dataset<Row> done = journal.filter(col("status").equalTo(NoteSchema.OK)).select("note_id").distinct();
    return planned.join(done, planned.col("note_id").equalTo(done.col("note_id")), "left_anti");
  }

  /**
   * The pending requests in exactly {@code generate.slots} partitions, written under {@code checkpointDir} (the
   * SparkContext's checkpoint directory from now on) and read back from there, for {@link #generate} to send.
   *
   * <p>Sending straight from the shuffle that splits them would tie each sending task to shuffle files on other
   * executors. Losing an executor would then fail the whole stage (a fetch failure), and Spark's new stage attempt
   * runs every partition not yet finished again, while the old attempt's tasks go on sending (Spark does not kill
   * them): two tasks paying for the same notes, each with a full slot's share of the limits. Read from files, a
   * lost executor costs only its own task's retry, which the journal resumes.
   */
  public Dataset<Row> slotted(Dataset<Row> pending, String checkpointDir) {
    pending.sparkSession().sparkContext().setCheckpointDir(checkpointDir);
    return pending.repartition(config.slots(), col("note_id")).checkpoint(true);
  }

  /**
   * Sends the requests of {@link #slotted}, one Spark task a slot, and journals every result; returns one outcome
   * row per request sent or refused for budget ({@link RequestPump#OUTCOME}). Lazy, like any Dataset: the requests
   * go out when an action runs it.
   *
   * @param budgetLeftUsd what the run may still spend, over all slots; infinite for no budget
   */
  public Dataset<Row> generate(Dataset<Row> slotted, String journalDir, GenerateMetrics metrics,
      double budgetLeftUsd) {
    int partitions = slotted.rdd().getNumPartitions();
    Checks.checkArgument(partitions == config.slots(), "expected the pending requests in %d partitions (slotted),"
        + " got %d", config.slots(), partitions);
    SerializableConfiguration hadoop = new SerializableConfiguration(
        slotted.sparkSession().sparkContext().hadoopConfiguration());
    MapPartitionsFunction<Row, Row> partition = new GeneratePartition(config, backends, prompts, params, journalDir,
        runId, hadoop, metrics, budgetLeftUsd / config.slots());
    return slotted.mapPartitions(partition, Encoders.row(RequestPump.OUTCOME));
  }

  /**
   * The notes table from the journal: exactly one row per planned task, with its latest note, or its latest
   * failure when it has none; in {@link NoteSchema#NOTES} order (nullability as read; the writer restores it).
   */
  public static Dataset<Row> notes(Dataset<Row> planned, Dataset<Row> journal) {
    Column okFirst = when(col("status").equalTo(NoteSchema.OK), 0).otherwise(1);
    Dataset<Row> latest = journal
        .withColumn("rank", row_number().over(Window.partitionBy("note_id")
            .orderBy(okFirst, col("finished_at").desc(), col("run_id").desc())))
        .filter(col("rank").equalTo(1))
        .select(Arrays.stream(NoteSchema.NOTE.fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
    Dataset<Row> tasks = planned.select(concat(Arrays.stream(TaskSchema.TASKS.fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(Column[]::new),
        new Column[] {col("note_id").as("planned_id")}));
    return tasks.join(latest, tasks.col("planned_id").equalTo(latest.col("note_id")))
        .select(Arrays.stream(NoteSchema.NOTES.fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }

  private static Column[] concat(Column[] a, Column[] b) {
    Column[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

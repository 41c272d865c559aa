package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;

import io.medsyn.Checks;
import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.BackendFactory;
import io.medsyn.llm.Backends;
import io.medsyn.llm.GenerationParams;
import io.medsyn.prompt.PromptBook;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import io.medsyn.table.NoteSchema;
import io.medsyn.table.OutputFiles;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a note for every task of the tasks table and writes the notes table. Resumes from the journal: a
 * task whose note an earlier run finished is not sent again; failures and whatever was in flight when a run died
 * are sent again.
 */
public final class GenerateStage implements Stage<GenerateSummary> {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateStage.class);

  private final BackendFactory backends;

  public GenerateStage() {
    this(Backends::create);
  }

  /** With the given backends, e.g. a test's wrapper that counts requests. */
  public GenerateStage(BackendFactory backends) {
    this.backends = backends;
  }

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public GenerateSummary run(RunContext context) {
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    GenerateConfig g = context.config().generate();
    // Speculation is read when the SparkContext starts; a speculative copy of a task would pay for its requests
    // twice, so the stage refuses to run with it rather than hope.
    Checks.checkState(!spark.sparkContext().getConf().getBoolean("spark.speculation", false),
        "spark.speculation=true would send generate's requests twice; set spark.speculation=false");
    GenerationParams params = Backends.params(g);
    String runId = NoteGenerator.newRunId();
    NoteGenerator generator = new NoteGenerator(g, backends, PromptBook.load(g.language(), g.prompts().dir()), params, runId);
    Checks.checkArgument(OutputFiles.exists(spark, layout.tasks()), "there is no tasks table at %s; run `medsyn sample` first (or"
        + " `medsyn run`)", layout.tasks());
    context.describe(this, "plan requests, read the journal");
    Dataset<Row> tasks = spark.read().parquet(layout.tasks());
    Dataset<Row> planned = generator.plan(tasks);
    Dataset<Row> journal = Journal.read(spark, layout.journal());
    // One request per task: Parquet's footers count the tasks without planning them.
    long total = tasks.count();
    GenerateMetrics metrics = GenerateMetrics.register(spark.sparkContext());
    long toSend;
    long start;
    try {
      // Written once: counted for the progress log, then sent, without reading the journal or planning twice.
      Dataset<Row> pending = generator.slotted(NoteGenerator.pending(planned, journal), layout.generateCheckpoint());
      toSend = pending.count();
      double budgetLeft = Double.POSITIVE_INFINITY;
      if (g.hasBudget()) {
        Row spent = journal.agg(org.apache.spark.sql.functions.sum("cost_usd")).first();
        budgetLeft = g.budgetUsd() - (spent.isNullAt(0) ? 0.0 : spent.getDouble(0));
      }
      LOG.info("generate run {}: {} tasks, {} to send with the {} backend ({}) in {} slots", runId, total, toSend,
          g.backend(), params.model(), g.slots());
      start = System.nanoTime();
      if (toSend > 0) {
        send(context, generator.generate(pending, layout.journal(), metrics, budgetLeft), metrics, toSend, runId);
      }
    } finally {
      OutputFiles.delete(spark, layout.generateCheckpoint());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> byStatus = writeNotes(context, planned);
    long ok = byStatus.getOrDefault(NoteSchema.OK, 0L);
    byStatus.remove(NoteSchema.OK);
    long failed = byStatus.values().stream().mapToLong(Long::longValue).sum();
    Checks.checkState(ok + failed == total, "the notes table has %d rows for %d tasks; the journal under %s is"
        + " incomplete, run generate again", ok + failed, total, layout.journal());
    LOG.info("wrote {} notes ({} ok, {} failed) to {}", total, ok, failed, layout.notes());
    return new GenerateSummary(runId, total, total - toSend, metrics.ok().value() + metrics.failed().value(), ok,
        failed, byStatus, metrics.promptTokens().value(), metrics.completionTokens().value(),
        metrics.costUsd().value(), seconds, layout.notes());
  }

  /** Runs the generate job, logging progress; a refused key comes out as {@link GenerationStoppedException}. */
  private void send(RunContext context, Dataset<Row> outcomes, GenerateMetrics metrics, long toSend, String runId) {
    GenerateConfig g = context.config().generate();
    context.describe(this, String.format("%d notes with the %s backend in %d slots (run %s)", toSend, g.backend(),
        g.slots(), runId));
    try (Progress progress = Progress.start(context.spark().sparkContext(), metrics, toSend, g.progressSeconds())) {
      outcomes.write().format("noop").mode(SaveMode.Overwrite).save();
    } catch (Exception e) {
      // Spark's job failure is a SparkException, checked in Java's eyes though Scala does not declare it.
      GenerationStoppedException stop = stopped(e, context.layout());
      if (stop != null) {
        throw stop;
      }
      throw e;
    }
  }

  /**
   * Rebuilds the notes table from the journal (overwriting it: the same journal gives the same table) and counts
   * its rows: {@code ok}, and the failures by error class.
   */
  private Map<String, Long> writeNotes(RunContext context, Dataset<Row> planned) {
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    context.describe(this, "build the notes table from the journal");
    Dataset<Row> notes = NoteGenerator.notes(planned, Journal.read(spark, layout.journal()));
    // Read from JSON, every column is nullable; the table keeps the documented schema from its first write on.
    // One Spark partition per code's rows, so each code directory gets one file rather than one per task.
    spark.createDataFrame(notes.javaRDD(), NoteSchema.NOTES).repartition(col(NoteSchema.PARTITION))
        .write().mode(SaveMode.Overwrite).partitionBy(NoteSchema.PARTITION).parquet(layout.notes());
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : spark.read().parquet(layout.notes()).groupBy("status", "error_class").count().collectAsList()) {
      counts.merge(NoteSchema.OK.equals(r.getString(0)) ? NoteSchema.OK : r.getString(1), r.getLong(2), Long::sum);
    }
    return counts;
  }

  /**
   * The credentials stop, unwrapped from Spark's job failure (which carries the executor's exception as text);
   * null for any other failure.
   */
  private static GenerationStoppedException stopped(Exception e, Layout layout) {
    String marker = GenerationStoppedException.class.getName() + ": ";
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t instanceof GenerationStoppedException ? marker + t.getMessage() : t.getMessage();
      int at = message == null ? -1 : message.indexOf(marker);
      if (at >= 0) {
        String reason = message.substring(at + marker.length()).lines().findFirst().orElse("");
        return new GenerationStoppedException(reason + " (journal: " + layout.journal() + ")");
      }
    }
    return null;
  }
}

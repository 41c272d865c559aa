package io.medsyn.generate;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.medsyn.Checks;
import io.medsyn.config.GenerateConfig;
import io.medsyn.config.MedSynConfig;
import io.medsyn.config.StyleConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.llm.BackendFactory;
import io.medsyn.llm.Backends;
import io.medsyn.llm.DeferredBackend;
import io.medsyn.llm.batch.BatchApiException;
import io.medsyn.llm.GenerationParams;
import io.medsyn.prompt.PromptBook;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import io.medsyn.table.NoteSchema;
import io.medsyn.table.OutputFiles;
import io.medsyn.style.StyleHints;
import io.medsyn.style.StyleLearner;
import io.medsyn.style.StyleModel;
import io.medsyn.style.StyleModelFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Null: the registry's backends, the offline one writing in the run's style model. */
  private final BackendFactory backends;
  private final boolean cancel;

  public GenerateStage() {
    this(null, false);
  }

  /** With the given backends, e.g. a test's wrapper that counts requests. */
  public GenerateStage(BackendFactory backends) {
    this(backends, false);
  }

  private GenerateStage(BackendFactory backends, boolean cancel) {
    this.backends = backends;
    this.cancel = cancel;
  }

  /**
   * The stage that cancels the batches a batch backend has out ({@code medsyn generate --cancel}): what they
   * finished anyway is kept, every other pending task gets a {@code CANCELLED} row, and the notes table is rebuilt.
   * Sends nothing.
   */
  public static GenerateStage cancelling() {
    return new GenerateStage(null, true);
  }

  @Override
  public String name() {
    return "generate";
  }

  /**
   * The style model of the run: the saved one {@code style.path} names, else one learned from the training split's
   * example notes ({@code sample.examples.path}); written to the run's style/model.json either way. Empty when
   * neither is configured.
   */
  public static Optional<StyleModel> style(RunContext context) {
    SparkSession spark = context.spark();
    MedSynConfig config = context.config();
    StyleConfig sc = config.style();
    String examples = config.sample().examples().path();
    StyleModel model;
    if (sc.saved()) {
      Checks.checkArgument(OutputFiles.exists(spark, sc.path()), "style.path: %s does not exist; point it at the"
          + " style/model.json of an earlier run, or set style.path=null to learn one", sc.path());
      model = StyleModelFile.fromJson(OutputFiles.read(spark, sc.path()).getBytes(StandardCharsets.UTF_8),
          sc.path());
    } else if (sc.learn() && examples != null && !examples.isBlank()) {
      spark.sparkContext().setJobDescription("medsyn generate: learn the style of the training split's notes");
      model = new StyleLearner(sc).learn(CorpusReader.read(spark, config.sample().examples().corpus()), examples);
    } else {
      return Optional.empty();
    }
    String target = context.layout().styleModel();
    OutputFiles.write(spark, target, StyleModelFile.toJson(model));
    LOG.info("style model of {} ({} notes, k={}): {} phrases, {} filler sentences, median length {}; written to {}",
        model.provenance().source(), model.provenance().notes(), model.provenance().minRealNotes(),
        model.phrases().size(), model.fillers().size(), model.medianLength(), target);
    return Optional.of(model);
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
    // A test's own backends write in no style, as before style models existed.
    StyleModel style = backends == null ? style(context).orElse(null) : null;
    GenerationParams params = Backends.params(g, style);
    String runId = NoteGenerator.newRunId();
    NoteGenerator generator = new NoteGenerator(g, backends == null ? Backends.styled(style) : backends,
        PromptBook.load(g.language(), g.prompts().dir()).withStyle(StyleHints.of(style, g.language())), params,
        runId);
    Checks.checkArgument(OutputFiles.exists(spark, layout.tasks()), "there is no tasks table at %s; run `medsyn sample` first (or"
        + " `medsyn run`)", layout.tasks());
    context.describe(this, "plan requests, read the journal");
    Dataset<Row> tasks = spark.read().parquet(layout.tasks());
    Dataset<Row> planned = generator.plan(tasks);
    Dataset<Row> journal = Journal.read(spark, layout.journal());
    // One request per task: Parquet's footers count the tasks without planning them.
    long total = tasks.count();
    GenerateMetrics metrics = GenerateMetrics.register(spark.sparkContext());
    double budgetLeft = g.hasBudget() ? g.budgetUsd() - spent(journal) : Double.POSITIVE_INFINITY;
    long toSend;
    long start;
    Optional<DeferredBackend> deferred = Backends.deferred(g, spark.sparkContext().hadoopConfiguration(),
        layout.batches(), runId);
    try {
      Checks.checkArgument(!cancel || deferred.isPresent(), "generate --cancel cancels the batches of a batch"
          + " backend (generate.backend=openai_batch); the %s backend has none", g.backend());
      if (deferred.isPresent()) {
        Dataset<Row> pending = NoteGenerator.pending(planned, journal).persist();
        toSend = pending.count();
        LOG.info("generate run {}: {} tasks, {} to {} with the {} backend ({})", runId, total, toSend,
            cancel ? "cancel" : "send", g.backend(), params.model());
        start = System.nanoTime();
        if (toSend > 0) {
          sendOnDriver(context, generator, pending, deferred.get(), metrics, toSend, budgetLeft);
        }
        pending.unpersist();
      } else {
        // Written once: counted for the progress log, then sent, without reading the journal or planning twice.
        Dataset<Row> pending = generator.slotted(NoteGenerator.pending(planned, journal),
            layout.generateCheckpoint());
        toSend = pending.count();
        LOG.info("generate run {}: {} tasks, {} to send with the {} backend ({}) in {} slots", runId, total,
            toSend, g.backend(), params.model(), g.slots());
        start = System.nanoTime();
        if (toSend > 0) {
          send(context, generator.generate(pending, layout.journal(), metrics, budgetLeft), metrics, toSend, runId);
        }
      }
    } finally {
      deferred.ifPresent(DeferredBackend::close);
      OutputFiles.delete(spark, layout.generateCheckpoint());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // Written aside and swapped in only when complete and healthy: a failed run never replaces good notes.
    String attempt = layout.notes() + ".attempt-" + runId;
    Map<String, Long> byStatus = writeNotes(context, planned, attempt);
    long ok = byStatus.getOrDefault(NoteSchema.OK, 0L);
    byStatus.remove(NoteSchema.OK);
    long failed = byStatus.values().stream().mapToLong(Long::longValue).sum();
    String kept = String.format("the notes table %s is left as it was; this run's rows are in %s (and the journal"
        + " %s)", layout.notes(), attempt, layout.journal());
    List<String> stops = metrics.stopped().value();
    if (!stops.isEmpty()) {
      throw new GenerationStoppedException("stopped early: " + stops.get(0) + (stops.size() == 1 ? ""
          : " (and " + (stops.size() - 1) + " more generating task(s) stopped)") + "; " + kept
          + "; fix the endpoint and run generate again to send the rest");
    }
    Checks.checkState(ok + failed == total, "the new notes table has %d rows for %d tasks: the journal under %s is"
        + " incomplete; %s; run generate again", ok + failed, total, layout.journal(), kept);
    OutputFiles.replace(spark, attempt, layout.notes());
    LOG.info("wrote {} notes ({} ok, {} failed) to {}", total, ok, failed, layout.notes());
    return new GenerateSummary(runId, total, total - toSend, metrics.ok().value() + metrics.failed().value(), ok,
        failed, byStatus, metrics.promptTokens().value(), metrics.completionTokens().value(),
        metrics.costUsd().value(), metrics.estimated().value(), metrics.estimatedCostUsd().value(), seconds,
        layout.notes());
  }

  /**
   * What {@link #run} would send after resume, its tokens and cost, and whether the budget would stop it ({@code
   * medsyn generate --dry-run}); sends nothing and writes nothing.
   */
  public GenerateEstimate dryRun(RunContext context) {
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    GenerateConfig g = context.config().generate();
    GenerationParams params = Backends.params(g);
    String runId = NoteGenerator.newRunId();
    NoteGenerator generator = new NoteGenerator(g, backends == null ? Backends::create : backends,
        PromptBook.load(g.language(), g.prompts().dir()), params, runId);
    Checks.checkArgument(OutputFiles.exists(spark, layout.tasks()), "there is no tasks table at %s; run `medsyn"
        + " sample` first (or `medsyn run --dry-run`)", layout.tasks());
    context.describe(this, "dry run: plan requests, read the journal");
    Dataset<Row> tasks = spark.read().parquet(layout.tasks());
    Dataset<Row> journal = Journal.read(spark, layout.journal());
    Set<String> waiting;
    try (DeferredBackend deferred = Backends.deferred(g, spark.sparkContext().hadoopConfiguration(),
        layout.batches(), runId).orElse(null)) {
      waiting = deferred == null ? Set.of() : deferred.outstanding();
    }
    Row history = journal.filter(col("status").equalTo(NoteSchema.OK).and(col("model").equalTo(params.model()))
        .and(col("completion_tokens").isNotNull())).agg(avg("completion_tokens"), count("*")).first();
    return generator.estimate(tasks.count(), NoteGenerator.pending(generator.plan(tasks), journal), waiting,
        history.getLong(1) == 0 ? null : new double[] {history.getDouble(0), history.getLong(1)}, spent(journal));
  }

  /** What the notes under this output have cost so far, over all runs. */
  private static double spent(Dataset<Row> journal) {
    Row spent = journal.agg(sum("cost_usd")).first();
    return spent.isNullAt(0) ? 0.0 : spent.getDouble(0);
  }

  /**
   * Sends through a backend the driver runs, logging progress; a refused key or an unreachable batch API comes
   * out as {@link GenerationStoppedException}, with the batches out kept for the next run.
   */
  private void sendOnDriver(RunContext context, NoteGenerator generator, Dataset<Row> pending,
      DeferredBackend backend, GenerateMetrics metrics, long toSend, double budgetLeft) {
    GenerateConfig g = context.config().generate();
    Layout layout = context.layout();
    context.describe(this, String.format("%d notes with the %s backend from the driver", toSend, g.backend()));
    try (Progress progress = Progress.start(context.spark().sparkContext(), metrics, toSend, g.progressSeconds())) {
      generator.generateOnDriver(pending, backend, layout.journal(), metrics, budgetLeft, cancel);
    } catch (BatchApiException e) {
      throw new GenerationStoppedException(e.getMessage() + ". The batches already out are remembered under "
          + layout.batches() + ": run generate again to resume waiting for them (journal: " + layout.journal()
          + ")");
    }
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
   * Builds the notes table from the journal at {@code attempt} (the same journal gives the same table) and counts
   * its rows: {@code ok}, and the failures by error class.
   */
  private Map<String, Long> writeNotes(RunContext context, Dataset<Row> planned, String attempt) {
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    context.describe(this, "build the notes table from the journal");
    Dataset<Row> notes = NoteGenerator.notes(planned, Journal.read(spark, layout.journal()));
    // Read from JSON, every column is nullable; the table keeps the documented schema from its first write on.
    // One Spark partition per code's rows, so each code directory gets one file rather than one per task.
    spark.createDataFrame(notes.javaRDD(), NoteSchema.NOTES).repartition(col(NoteSchema.PARTITION))
        .write().mode(SaveMode.Overwrite).partitionBy(NoteSchema.PARTITION).parquet(attempt);
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : spark.read().parquet(attempt).groupBy("status", "error_class").count().collectAsList()) {
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

package io.medsyn.pipeline;

import static org.apache.spark.sql.functions.col;

import io.medsyn.Checks;
import io.medsyn.config.CorpusConfig;
import io.medsyn.config.EvaluateConfig;
import io.medsyn.config.GenerateConfig;
import io.medsyn.config.MedSynConfig;
import io.medsyn.config.StyleConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.evaluate.Corpora;
import io.medsyn.evaluate.EvaluationResult;
import io.medsyn.evaluate.EvaluationWriter;
import io.medsyn.evaluate.Experiment;
import io.medsyn.evaluate.Stratified;
import io.medsyn.generate.GenerateMetrics;
import io.medsyn.generate.GenerateSummary;
import io.medsyn.generate.GenerationStoppedException;
import io.medsyn.generate.Journal;
import io.medsyn.generate.NoteGenerator;
import io.medsyn.generate.NoteSchema;
import io.medsyn.generate.Progress;
import io.medsyn.llm.BackendFactory;
import io.medsyn.llm.Backends;
import io.medsyn.llm.GenerationParams;
import io.medsyn.mkg.GraphSource;
import io.medsyn.mkg.GraphSummary;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.prompt.PromptBook;
import io.medsyn.quality.QualityFilter;
import io.medsyn.quality.QualitySummary;
import io.medsyn.report.HtmlReport;
import io.medsyn.report.QualityReport;
import io.medsyn.sampling.PriorSampler;
import io.medsyn.style.StyleLearner;
import io.medsyn.style.StyleModel;
import io.medsyn.style.StyleModelFile;
import io.medsyn.style.StyleHints;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stages with their I/O: each reads its inputs, calls the stage's pure function, and writes its table. */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final MedSynConfig config;
  private final SparkSession spark;
  private final Layout layout;

  public Pipeline(MedSynConfig config, SparkSession spark) {
    this.config = config;
    this.spark = spark;
    this.layout = new Layout(config.output());
  }

  public Layout layout() {
    return layout;
  }

  /** Builds, validates and writes the graph; returns its summary. */
  public GraphSummary mkg() {
    spark.sparkContext().setJobDescription("medsyn mkg: build and validate the graph");
    KnowledgeGraph graph = GraphSource.load(config.mkg(), spark);
    graph.vertices(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.vertices());
    graph.edges(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.edges());
    GraphSummary summary = GraphSummary.of(graph, spark);
    LOG.info("wrote the graph to {} and {}", layout.vertices(), layout.edges());
    return summary;
  }

  /** Samples the tasks table from the graph the configuration names; returns the number of tasks written. */
  public long sample() {
    spark.sparkContext().setJobDescription("medsyn sample: draw tasks from the graph");
    KnowledgeGraph graph = GraphSource.load(config.mkg(), spark);
    Dataset<Row> examples = config.sample().examples().path() == null ? null
        : CorpusReader.read(spark, config.sample().examples().corpus());
    Dataset<Row> tasks = new PriorSampler(config.sample(), config.seed())
        .sample(graph.vertices(spark), graph.edges(spark), examples);
    tasks.write().mode(SaveMode.Overwrite).parquet(layout.tasks());
    long written = spark.read().parquet(layout.tasks()).count();
    LOG.info("wrote {} tasks to {}", written, layout.tasks());
    return written;
  }

  /**
   * Generates a note for every task of the tasks table and writes the notes table. Resumes from the journal: a
   * task whose note an earlier run finished is not sent again; failures and whatever was in flight when a run died
   * are sent again.
   */
  public GenerateSummary generate() {
    StyleModel style = style().orElse(null);
    return generate(Backends.styled(style), style);
  }

  /** {@link #generate()} with the given backends, e.g. a test's wrapper that counts requests. */
  public GenerateSummary generate(BackendFactory backends) {
    return generate(backends, null);
  }

  /**
   * The style model of the run: the saved one {@code style.path} names, else one learned from the training split's
   * example notes ({@code sample.examples.path}); written to the run's style/model.json either way. Empty when
   * neither is configured.
   */
  public Optional<StyleModel> style() {
    StyleConfig sc = config.style();
    String examples = config.sample().examples().path();
    StyleModel model;
    if (sc.saved()) {
      Checks.checkArgument(OutputFiles.exists(spark, sc.path()), "style.path: %s does not exist; point it at the"
          + " style/model.json of an earlier run, or set style.path=null to learn one", sc.path());
      model = StyleModelFile.fromJson(OutputFiles.read(spark, sc.path()), sc.path());
    } else if (sc.learn() && examples != null && !examples.isBlank()) {
      spark.sparkContext().setJobDescription("medsyn style: learn the style of the training split's notes");
      model = new StyleLearner(sc).learn(CorpusReader.read(spark, config.sample().examples().corpus()), examples);
    } else {
      return Optional.empty();
    }
    OutputFiles.write(spark, layout.styleModel(), StyleModelFile.toJson(model));
    LOG.info("style model of {} ({} notes, k={}): {} phrases, {} filler sentences, median length {}; written to {}",
        model.provenance().source(), model.provenance().notes(), model.provenance().minRealNotes(),
        model.phrases().size(), model.fillers().size(), model.medianLength(), layout.styleModel());
    return Optional.of(model);
  }

  private GenerateSummary generate(BackendFactory backends, StyleModel style) {
    GenerateConfig g = config.generate();
    // Speculation is read when the SparkContext starts; a speculative copy of a task would pay for its requests
    // twice, so the stage refuses to run with it rather than hope.
    Checks.checkState(!spark.sparkContext().getConf().getBoolean("spark.speculation", false),
        "spark.speculation=true would send generate's requests twice; set spark.speculation=false");
    GenerationParams params = Backends.params(g, style);
    String runId = NoteGenerator.newRunId();
    NoteGenerator generator = new NoteGenerator(g, backends, PromptBook.load(g.language())
        .withStyle(StyleHints.of(style, g.language())), params, runId);
    Checks.checkArgument(OutputFiles.exists(spark, layout.tasks()), "there is no tasks table at %s; run `medsyn sample` first (or"
        + " `medsyn run`)", layout.tasks());
    spark.sparkContext().setJobDescription("medsyn generate: plan requests, read the journal");
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
        send(generator.generate(pending, layout.journal(), metrics, budgetLeft), metrics, toSend, runId);
      }
    } finally {
      OutputFiles.delete(spark, layout.generateCheckpoint());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> byStatus = writeNotes(planned);
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
  private void send(Dataset<Row> outcomes, GenerateMetrics metrics, long toSend, String runId) {
    GenerateConfig g = config.generate();
    spark.sparkContext().setJobDescription(String.format("medsyn generate: %d notes with the %s backend in %d"
        + " slots (run %s)", toSend, g.backend(), g.slots(), runId));
    try (Progress progress = Progress.start(spark.sparkContext(), metrics, toSend, g.progressSeconds())) {
      outcomes.write().format("noop").mode(SaveMode.Overwrite).save();
    } catch (Exception e) {
      // Spark's job failure is a SparkException, checked in Java's eyes though Scala does not declare it.
      GenerationStoppedException stop = stopped(e);
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
  private Map<String, Long> writeNotes(Dataset<Row> planned) {
    spark.sparkContext().setJobDescription("medsyn generate: build the notes table from the journal");
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
  private GenerationStoppedException stopped(Exception e) {
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

  /**
   * Scores the generated notes, writes them all with their scores and verdicts, and the summary as a table and as
   * JSON; returns the summary. Nothing is deleted: {@link #corpus()} is the notes that pass.
   */
  public QualitySummary filter() {
    spark.sparkContext().setJobDescription("medsyn filter: score, deduplicate and filter the notes");
    Checks.checkArgument(OutputFiles.exists(spark, layout.notes()), "the notes table %s does not exist: run the"
        + " generation stage first (medsyn generate)", layout.notes());
    Dataset<Row> notes = spark.read().parquet(layout.notes());
    new QualityFilter(config.quality(), config.seed()).score(notes)
        .write().mode(SaveMode.Overwrite).parquet(layout.qualityNotes());
    QualitySummary summary = QualitySummary.of(spark.read().parquet(layout.qualityNotes()));
    summary.table(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.qualitySummary());
    OutputFiles.write(spark, layout.qualitySummaryJson(), summary.toJson().getBytes(StandardCharsets.UTF_8));
    OutputFiles.write(spark, layout.qualityReport(), QualityReport.page(summary, layout.notes())
        .getBytes(StandardCharsets.UTF_8));
    LOG.info("scored {} notes into {}: {} pass (report: {})", summary.notes(), layout.qualityNotes(),
        summary.passed(), layout.qualityReport());
    return summary;
  }

  /** The corpus later stages use: the notes that passed the quality stage, with the notes' own columns. */
  public Dataset<Row> corpus() {
    Checks.checkArgument(OutputFiles.exists(spark, layout.qualityNotes()), "the scored notes table %s does not"
        + " exist: run the quality stage first (medsyn filter)", layout.qualityNotes());
    return QualityFilter.corpus(spark.read().parquet(layout.qualityNotes()));
  }



  /**
   * Trains the ICD-10 classifier on every mixture of real and synthetic notes, scores it on real evaluation notes,
   * and writes the figures (Parquet and JSON) and the HTML report. Empty when no real training corpus is
   * configured: there is nothing to evaluate against.
   */
  public Optional<EvaluationResult> evaluate() {
    EvaluateConfig ec = config.evaluate();
    if (!ec.train().configured()) {
      return Optional.empty();
    }
    spark.sparkContext().setJobDescription("medsyn evaluate: classifier on real, mixed and synthetic notes");
    Dataset<Row> real = Corpora.real(CorpusReader.read(spark, ec.train().spec("evaluate.train")),
        ec.train().path(), ec.depth());
    Dataset<Row> train;
    Dataset<Row> eval;
    String evalSource;
    if (ec.eval().configured()) {
      train = real;
      eval = Corpora.real(CorpusReader.read(spark, ec.eval().spec("evaluate.eval")), ec.eval().path(), ec.depth());
      evalSource = ec.eval().path();
    } else {
      Dataset<Row>[] split = Stratified.split(real, ec.evalFraction(), config.seed());
      train = split[0];
      eval = split[1];
      evalSource = String.format(Locale.ROOT, "a stratified %.0f %% of %s held out (seed %d)",
          100 * ec.evalFraction(), ec.train().path(), config.seed());
    }
    // The run's own notes: the quality stage's verdicts when it has run (only passing notes are used), else all.
    boolean ownQualityNotes = !ec.synthetic().configured() && OutputFiles.exists(spark, layout.qualityNotes());
    String notesPath = ec.synthetic().configured() ? ec.synthetic().path()
        : ownQualityNotes ? layout.qualityNotes() : layout.notes();
    Dataset<Row> synthetic;
    String syntheticSource;
    if (!OutputFiles.exists(spark, notesPath)) {
      if (ec.synthetic().configured()) {
        throw new IllegalArgumentException("evaluate.synthetic.path: " + notesPath + " does not exist; point it"
            + " at a notes table or corpus, or leave it null to use the run's own notes");
      }
      LOG.warn("no synthetic notes at {} (run the generation stage first, or set evaluate.synthetic.path):"
          + " evaluating the real-only mixtures alone", notesPath);
      synthetic = spark.createDataFrame(List.of(), Corpora.SCHEMA);
      syntheticSource = "none found at " + notesPath;
    } else {
      synthetic = ec.synthetic().format().equals("notes")
          ? Corpora.notes(spark.read().parquet(notesPath), ec.depth())
          : Corpora.other(CorpusReader.read(spark, new CorpusConfig(notesPath, ec.synthetic().format(),
              ec.synthetic().idColumn(), ec.synthetic().textColumn(), ec.synthetic().codeColumn())
              .spec("evaluate.synthetic")), ec.depth());
      syntheticSource = notesPath;
    }
    EvaluationResult result = new Experiment(ec, config.seed()).run(train, eval, synthetic, evalSource,
        syntheticSource);
    EvaluationWriter.write(spark, result, layout);
    // The quality summary goes with the figures when the notes evaluated are the ones it counted.
    Optional<QualitySummary> quality = ownQualityNotes && OutputFiles.exists(spark, layout.qualitySummary())
        ? Optional.of(QualitySummary.read(spark.read().parquet(layout.qualitySummary()))) : Optional.empty();
    OutputFiles.write(spark, layout.report(), HtmlReport.render(result, ec, quality)
        .getBytes(StandardCharsets.UTF_8));
    LOG.info("wrote the evaluation to {} and the report to {}", layout.evaluationJson(), layout.report());
    return Optional.of(result);
  }
}

package io.medsyn.pipeline;

import io.medsyn.config.CorpusConfig;
import io.medsyn.config.EvaluateConfig;
import io.medsyn.config.MedSynConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.evaluate.Corpora;
import io.medsyn.evaluate.EvaluationResult;
import io.medsyn.evaluate.EvaluationWriter;
import io.medsyn.evaluate.Experiment;
import io.medsyn.evaluate.Stratified;
import io.medsyn.mkg.GraphSource;
import io.medsyn.mkg.GraphSummary;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.report.HtmlReport;
import io.medsyn.sampling.PriorSampler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    String notesPath = ec.synthetic().configured() ? ec.synthetic().path() : layout.notes();
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
    OutputFiles.write(spark, layout.report(), HtmlReport.render(result, ec).getBytes(StandardCharsets.UTF_8));
    LOG.info("wrote the evaluation to {} and the report to {}", layout.evaluationJson(), layout.report());
    return Optional.of(result);
  }
}

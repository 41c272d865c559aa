package io.medsyn.pipeline;

import io.medsyn.config.MedSynConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.mkg.GraphSource;
import io.medsyn.mkg.GraphSummary;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.quality.QualityFilter;
import io.medsyn.quality.QualitySummary;
import io.medsyn.sampling.PriorSampler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
   * Scores the generated notes, writes them all with their scores and verdicts, and the summary as a table and as
   * JSON; returns the summary. Nothing is deleted: {@link #corpus()} is the notes that pass.
   */
  public QualitySummary filter() {
    spark.sparkContext().setJobDescription("medsyn filter: score, deduplicate and filter the notes");
    requireTable(layout.notes(), "notes", "run the generation stage first (medsyn generate)");
    Dataset<Row> notes = spark.read().parquet(layout.notes());
    new QualityFilter(config.quality(), config.seed()).score(notes)
        .write().mode(SaveMode.Overwrite).parquet(layout.qualityNotes());
    QualitySummary summary = QualitySummary.of(spark.read().parquet(layout.qualityNotes()));
    summary.table(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.qualitySummary());
    writeText(layout.qualitySummaryJson(), summary.toJson());
    LOG.info("scored {} notes into {}: {} pass", summary.notes(), layout.qualityNotes(), summary.passed());
    return summary;
  }

  /** The corpus later stages use: the notes that passed the quality stage, with the notes' own columns. */
  public Dataset<Row> corpus() {
    requireTable(layout.qualityNotes(), "scored notes", "run the quality stage first (medsyn filter)");
    return QualityFilter.corpus(spark.read().parquet(layout.qualityNotes()));
  }

  private void requireTable(String path, String what, String fix) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new IllegalArgumentException("the " + what + " table " + path + " does not exist: " + fix);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the " + what + " table " + path + ": " + e.getMessage(), e);
    }
  }

  private void writeText(String path, String text) {
    Path p = new Path(path);
    try (OutputStream out = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}

package io.medsyn.pipeline;

import io.medsyn.config.MedSynConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.mkg.GraphSource;
import io.medsyn.mkg.GraphSummary;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.sampling.PriorSampler;
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
}

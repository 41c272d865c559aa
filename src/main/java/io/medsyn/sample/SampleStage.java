package io.medsyn.sample;

import io.medsyn.corpus.CorpusReader;
import io.medsyn.mkg.GraphSource;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Samples the tasks table from the graph the configuration names. */
public final class SampleStage implements Stage<SampleSummary> {
  private static final Logger LOG = LoggerFactory.getLogger(SampleStage.class);

  @Override
  public String name() {
    return "sample";
  }

  @Override
  public SampleSummary run(RunContext context) {
    SparkSession spark = context.spark();
    String table = context.layout().tasks();
    context.describe(this, "draw tasks from the graph");
    KnowledgeGraph graph = GraphSource.load(context.config().mkg(), spark);
    Dataset<Row> examples = context.config().sample().examples().path() == null ? null
        : CorpusReader.read(spark, context.config().sample().examples().corpus());
    Dataset<Row> tasks = new PriorSampler(context.config().sample(), context.config().seed())
        .sample(graph.vertices(spark), graph.edges(spark), examples);
    tasks.write().mode(SaveMode.Overwrite).parquet(table);
    long written = spark.read().parquet(table).count();
    LOG.info("wrote {} tasks to {}", written, table);
    return new SampleSummary(written, table);
  }
}

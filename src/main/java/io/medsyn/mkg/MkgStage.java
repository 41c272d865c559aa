package io.medsyn.mkg;

import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds, validates and writes the graph as the vertices and edges tables; returns its summary. */
public final class MkgStage implements Stage<GraphSummary> {
  private static final Logger LOG = LoggerFactory.getLogger(MkgStage.class);

  @Override
  public String name() {
    return "mkg";
  }

  @Override
  public GraphSummary run(RunContext context) {
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    context.describe(this, "build and validate the graph");
    KnowledgeGraph graph = GraphSource.load(context.config().mkg(), spark);
    graph.vertices(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.vertices());
    graph.edges(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.edges());
    GraphSummary summary = GraphSummary.of(graph, spark);
    LOG.info("wrote the graph to {} and {}", layout.vertices(), layout.edges());
    return summary;
  }
}

package io.medsyn.mkg;

import io.medsyn.config.MkgConfig;
import org.apache.spark.sql.SparkSession;

/** Reads the graph the configuration names, validates it and keeps the selected codes. */
public final class GraphSource {
  private GraphSource() {}

  public static KnowledgeGraph load(MkgConfig config, SparkSession spark) {
    KnowledgeGraph graph = switch (config.source()) {
      case "builtin" -> BuiltinGraph.load();
      case "csv" -> GraphFiles.readCsv(config.vertices(), config.edges(), spark.sparkContext().hadoopConfiguration());
      case "json" -> GraphFiles.readSymptomMap(config.vertices(), spark.sparkContext().hadoopConfiguration(),
          BuiltinGraph.load());
      case "parquet" -> KnowledgeGraph.fromTables(spark.read().parquet(config.vertices()),
          spark.read().parquet(config.edges()), config.vertices(), config.edges());
      default -> throw new IllegalArgumentException("mkg.source: unknown source " + config.source());
    };
    return graph.restrictTo(config.codes());
  }
}

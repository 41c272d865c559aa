package io.medsyn.bench;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.mkg.BuiltinGraph;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.sample.PriorSampler;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Tasks per second of the prior sampler on the built-in graph, for 41k and 1M tasks (it must scale linearly). */
public final class SamplingBench {
  private SamplingBench() {}

  public static List<String> run(SparkSession spark) {
    KnowledgeGraph graph = BuiltinGraph.load();
    Dataset<Row> vertices = graph.vertices(spark).cache();
    Dataset<Row> edges = graph.edges(spark).cache();
    List<String> lines = new ArrayList<>();
    lines.add(String.format("sampling: built-in graph, %d vertices, %d edges, %d cores", graph.vertexList().size(),
        graph.edgeList().size(), Runtime.getRuntime().availableProcessors()));
    time(spark, vertices, edges, 41_000); // warm-up: JIT and Spark's code generation
    double small = time(spark, vertices, edges, 41_000);
    double large = time(spark, vertices, edges, 1_000_000);
    lines.add(String.format("sampling:    41,000 tasks in %6.2f s = %,10.0f tasks/s", small, 41_000 / small));
    lines.add(String.format("sampling: 1,000,000 tasks in %6.2f s = %,10.0f tasks/s", large, 1_000_000 / large));
    // The fixed part (reading the priors off the graph) is paid once; the rest grows with N.
    lines.add(String.format("sampling: marginal rate 41k -> 1M: %,.0f tasks/s; 24.4x the tasks took %.1fx the time",
        (1_000_000 - 41_000) / (large - small), large / small));
    return lines;
  }

  private static double time(SparkSession spark, Dataset<Row> vertices, Dataset<Row> edges, long n) {
    MedSynConfig config = ConfigLoader.load(null, List.of("sample.n=" + n,
        "sample.partitions=" + Math.max(2, n / 50_000)));
    long start = System.nanoTime();
    // The noop sink runs every task to completion without the cost of Parquet encoding.
    new PriorSampler(config.sample(), config.seed()).sample(vertices, edges, null).write().format("noop")
        .mode("overwrite").save();
    return (System.nanoTime() - start) / 1e9;
  }
}

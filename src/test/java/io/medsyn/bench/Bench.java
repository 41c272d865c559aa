package io.medsyn.bench;

import io.medsyn.config.ConfigLoader;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code make bench}: every benchmark in one local Spark session, figures printed to standard output. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[*]").appName("medsyn-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
    try {
      print(SamplingBench.run(spark));
      print(GenerateBench.run(spark));
      print(QualityBench.run(spark));
      print(List.of(LlmBench.run().split("\n")));
      print(EvalBench.devFigures(spark, ConfigLoader.defaultConfig().evaluate().classifier(), null));
    } finally {
      spark.stop();
    }
  }

  private static void print(List<String> lines) {
    lines.forEach(System.out::println);
    System.out.flush();
  }
}

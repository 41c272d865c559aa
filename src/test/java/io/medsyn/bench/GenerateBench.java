package io.medsyn.bench;

import com.sun.management.OperatingSystemMXBean;
import io.medsyn.config.ConfigLoader;
import io.medsyn.generate.GenerateStage;
import io.medsyn.generate.GenerateSummary;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The offline corpus end to end: 41,000 tasks sampled from the built-in graph, a note for each from the offline
 * backend, journaled and written as the Parquet notes table. MedSyn's corpus size, and what {@code make run} does.
 */
public final class GenerateBench {
  private GenerateBench() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[*]").appName("medsyn-generate-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
    try {
      run(spark).forEach(System.out::println);
    } finally {
      spark.stop();
    }
  }

  public static List<String> run(SparkSession spark) {
    List<String> lines = new ArrayList<>();
    try (ScratchDir scratch = new ScratchDir("medsyn-generate-bench")) {
      Path dir = scratch.path();
      corpus(spark, dir.resolve("warm-up"), 2_000); // JIT and Spark's code generation
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu = os.getProcessCpuTime();
      double[] t = corpus(spark, dir.resolve("corpus"), 41_000);
      // On a shared machine the wall time depends on the neighbours; the load and the CPU time say how much.
      lines.add(String.format("generate: offline backend, %d cores, sample -> generate -> Parquet; load average"
          + " %.1f, %.1f CPU-s used", os.getAvailableProcessors(), os.getSystemLoadAverage(),
          (os.getProcessCpuTime() - cpu) / 1e9));
      lines.add(String.format("generate: 41,000 notes end to end in %6.2f s (sample %.2f s, generate %.2f s)",
          t[0] + t[1], t[0], t[1]));
      lines.add(String.format("generate: %,.0f notes/s end to end; %,.0f notes/s in the generate stage",
          41_000 / (t[0] + t[1]), 41_000 / t[1]));
    }
    return lines;
  }

  /** Seconds for sampling and for generating {@code n} notes under {@code out}. */
  private static double[] corpus(SparkSession spark, Path out, long n) {
    RunContext pipeline = new RunContext(ConfigLoader.load(null, List.of("sample.n=" + n, "output=" + out)), spark);
    long start = System.nanoTime();
    new SampleStage().run(pipeline);
    long sampled = System.nanoTime();
    GenerateSummary summary = new GenerateStage().run(pipeline);
    long generated = System.nanoTime();
    if (summary.ok() != n) {
      throw new IllegalStateException("expected " + n + " notes, got " + summary.render());
    }
    return new double[] {(sampled - start) / 1e9, (generated - sampled) / 1e9};
  }
}

package io.medsyn.bench;

import static org.apache.spark.sql.functions.col;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.quality.NearDuplicateCandidates;
import io.medsyn.quality.NearDuplicates;
import io.medsyn.quality.PassageAudit;
import io.medsyn.quality.QualityChecks;
import io.medsyn.quality.QualityStage;
import io.medsyn.quality.QualitySummary;
import io.medsyn.quality.Realism;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.SharedData;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of the quality stage on a 41k-note synthetic corpus ({@link SyntheticNotes}) audited against
 * RuMedTop3's training split: the whole stage (read notes, check, audit, realism, write checked notes and summary) in
 * notes per second, then the MinHash LSH self-join, the privacy audit and the realism figures alone.
 */
public final class QualityBench {
  public static final int NOTES = 41_000;

  private QualityBench() {}

  /** Alone, outside {@code make bench}: an optional argument sets the number of notes. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : NOTES;
    SparkSession spark = SparkSession.builder().master("local[*]").appName("medsyn-quality-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
    try {
      run(spark, n).forEach(System.out::println);
    } finally {
      spark.stop();
    }
  }

  public static List<String> run(SparkSession spark) {
    return run(spark, NOTES);
  }

  /** Runs the benchmark on {@code n} notes and returns the lines it reports. */
  public static List<String> run(SparkSession spark, int n) {
    try (ScratchDir scratch = new ScratchDir("medsyn-quality-bench")) {
      Path dir = scratch.path();
      MedSynConfig config = ConfigLoader.load(null, List.of("output=" + dir,
          "sample.examples.path=" + SharedData.rumedTrain()));
      RunContext pipeline = new RunContext(config, spark);
      List<String> lines = new ArrayList<>();
      long t0 = System.nanoTime();
      SyntheticNotes.generate(spark, n, 41).write().parquet(pipeline.layout().notes());
      lines.add(String.format("quality bench: %d synthetic notes generated in %.1f s (%d cores)", n, secs(t0),
          spark.sparkContext().defaultParallelism()));

      long t1 = System.nanoTime();
      double cpu1 = cpuSeconds();
      QualitySummary summary = new QualityStage().run(pipeline);
      double stage = secs(t1);
      double cpu = cpuSeconds() - cpu1;
      // CPU time does not depend on what else the machine runs; wall time does.
      lines.add(String.format("quality stage (read, check, dedupe, write): %.1f s = %.0f notes/s; %.1f CPU-s ="
          + " %.0f notes per CPU-second", stage, n / stage, cpu, n / cpu));
      lines.addAll(summary.render().lines().toList());

      QualityChecks checks = new QualityChecks(config.quality(), config.style().minRealNotes(), config.seed());
      Dataset<Row> candidates = NearDuplicateCandidates.of(checks, spark.read().parquet(pipeline.layout().notes()))
          .localCheckpoint();
      long compared = candidates.count();
      NearDuplicates near = new NearDuplicates(config.quality().nearDuplicate(), config.seed());
      long t2 = System.nanoTime();
      double cpu2 = cpuSeconds();
      long pairs = near.pairs(candidates).count();
      lines.add(String.format("MinHash LSH self-join (%d bands x %d rows) over %d notes: %.1f s, %.1f CPU-s, %d pairs"
          + " with Jaccard >= %.2f", config.quality().nearDuplicate().bands(), config.quality().nearDuplicate()
          .rowsPerBand(), compared, secs(t2), cpuSeconds() - cpu2, pairs,
          config.quality().nearDuplicate().minSimilarity()));
      Dataset<Row> real = CorpusReader.read(spark, config.sample().examples().corpus()).localCheckpoint();
      Dataset<Row> notes = spark.read().parquet(pipeline.layout().notes());
      long t3 = System.nanoTime();
      double cpu3 = cpuSeconds();
      long copying = new PassageAudit(config.quality().realPassageWords(), config.style().minRealNotes())
          .find(notes, real).count();
      lines.add(String.format("privacy audit of %d notes against %d real notes: %.1f s, %.1f CPU-s, %d notes share a"
          + " rare passage", n, real.count(), secs(t3), cpuSeconds() - cpu3, copying));
      long t4 = System.nanoTime();
      double cpu4 = cpuSeconds();
      Realism.measure(checks.corpus(spark.read().parquet(pipeline.layout().qualityNotes())), real,
          config.quality().realism(), config.style().minRealNotes(), config.seed());
      lines.add(String.format("realism figures (discriminator %d-fold): %.1f s, %.1f CPU-s",
          config.quality().realism().folds(), secs(t4), cpuSeconds() - cpu4));
      long flagged = spark.read().parquet(pipeline.layout().qualityNotes())
          .filter(col("near_duplicate_of").isNotNull()).count();
      lines.add(String.format("near-duplicates marked: %d (%d injected)", flagged,
          Math.round(n * SyntheticNotes.DEFECTS.get("near_duplicate"))));
      return lines;
    }
  }

  /** CPU time of this JVM (driver and local executors), in seconds. */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

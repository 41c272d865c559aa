package io.medsyn.testing;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;

/**
 * The small run the operations tests share (schema checks, S3, notebooks, wrappers, cluster): four codes, a few
 * dozen tasks, every stage of the pipeline in order (evaluate has no real corpus here, so does nothing).
 */
public final class SmallRun {
  /** The configuration keys that make the run small, as {@code --set} would give them. */
  public static final List<String> OVERRIDES = List.of("mkg.codes=[I10,I11,J06,E11]", "sample.n=60",
      "sample.partitions=3", "spark.shuffle_partitions=2");

  private static Layout shared;

  private SmallRun() {}

  /**
   * One local run per test JVM, written on first use into a temporary directory that goes at exit: the tables
   * tests read and compare against. Read it, never write into it.
   */
  public static synchronized Layout shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("medsyn-small-run");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile())));
        shared = run(TestSpark.session(), dir.toString()).layout();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  public static MedSynConfig config(String output) {
    List<String> all = new ArrayList<>(OVERRIDES);
    all.add("output=" + output);
    return ConfigLoader.load(null, all);
  }

  /** Runs every stage into {@code output} (a directory or an s3a:// URI) and returns the context it used. */
  public static RunContext run(SparkSession spark, String output) {
    RunContext context = new RunContext(config(output), spark);
    Stages.run(context, (stage, summary) -> {});
    return context;
  }

  /** The same run as {@code medsyn} arguments after the stage name. */
  public static List<String> cliArgs(String output) {
    List<String> args = new ArrayList<>(List.of("--output", output));
    OVERRIDES.forEach(o -> args.addAll(List.of("--set", o)));
    return args;
  }

  /** A table without what differs between two runs of the same inputs: run id, clock times, measured latency. */
  public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> withoutRunClock(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table) {
    return table.drop("run_id", "started_at", "finished_at", "latency_ms");
  }
}

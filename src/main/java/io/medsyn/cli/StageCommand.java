package io.medsyn.cli;

import io.medsyn.config.MedSynConfig;
import io.medsyn.pipeline.OutputLease;
import io.medsyn.pipeline.Pipeline;
import io.medsyn.pipeline.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A sub-command that runs stages of the pipeline in a Spark session built from the configuration. */
abstract class StageCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    MedSynConfig config = options.load();
    // A session that exists already (a notebook, a test, an embedding application) belongs to its owner.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(config.spark(), config.generate().openai().apiKeyEnv());
    try (OutputLease lease = OutputLease.acquire(spark.sparkContext().hadoopConfiguration(), config.output(),
        spec.name(), options.takeOverLease)) {
      run(new Pipeline(config, spark), out());
      return 0;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /** Runs the stage and reports what it wrote to {@code out}. */
  abstract void run(Pipeline pipeline, PrintWriter out);

  /** Where a command reports to the user: standard output, or what an embedding caller set. */
  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}

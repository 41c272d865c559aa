package io.medsyn.cli;

import io.medsyn.config.MedSynConfig;
import io.medsyn.run.SparkSessions;
import io.medsyn.stage.RunContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A sub-command that runs stages of the pipeline in a Spark session built from the configuration. */
abstract class SessionCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    MedSynConfig config = options.load();
    // A session that exists already (a notebook, a test, an embedding application) belongs to its owner.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(config.spark());
    try {
      run(new RunContext(config, spark), spec.commandLine().getOut());
      return 0;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /** Runs the stages and reports what they wrote to {@code out}: standard output, or what an embedding caller set. */
  abstract void run(RunContext context, PrintWriter out);
}

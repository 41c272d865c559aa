package io.medsyn.cli;

import io.medsyn.config.MedSynConfig;
import io.medsyn.llm.Backends;
import io.medsyn.run.SparkSessions;
import io.medsyn.stage.RunContext;
import io.medsyn.table.OutputLease;
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
    SparkSession spark = SparkSessions.create(config.spark(),
        Backends.secretNames(config.generate()).toArray(String[]::new));
    try {
      // A command's own inputs are checked first, so bad input writes nothing, not even the lease.
      MedSynConfig prepared = prepare(config, spark);
      // The output is checked and leased before any work: one run per output.
      try (OutputLease lease = OutputLease.acquire(spark.sparkContext().hadoopConfiguration(), prepared.output(),
          spec.name(), options.takeOverLease)) {
        run(new RunContext(prepared, spark), spec.commandLine().getOut());
      }
      return 0;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /** The configuration the stages run with, which a command may complete from its inputs. */
  MedSynConfig prepare(MedSynConfig config, SparkSession spark) {
    return config;
  }

  /** Runs the stages and reports what they wrote to {@code out}: standard output, or what an embedding caller set. */
  abstract void run(RunContext context, PrintWriter out);
}

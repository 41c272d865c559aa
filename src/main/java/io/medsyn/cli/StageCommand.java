package io.medsyn.cli;

import io.medsyn.config.MedSynConfig;
import io.medsyn.pipeline.Pipeline;
import io.medsyn.pipeline.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/** A sub-command that runs stages of the pipeline in a Spark session built from the configuration. */
abstract class StageCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Override
  public Integer call() {
    MedSynConfig config = options.load();
    SparkSession spark = SparkSessions.create(config.spark());
    try {
      run(new Pipeline(config, spark));
      return 0;
    } finally {
      spark.stop();
    }
  }

  abstract void run(Pipeline pipeline);
}

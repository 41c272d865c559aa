package io.medsyn.stage;

import io.medsyn.config.MedSynConfig;
import io.medsyn.table.Layout;
import org.apache.spark.sql.SparkSession;

/** What every stage of one run shares: the configuration, the Spark session and where the tables live. */
public record RunContext(MedSynConfig config, SparkSession spark, Layout layout) {
  public RunContext(MedSynConfig config, SparkSession spark) {
    this(config, spark, new Layout(config.output()));
  }

  /** Names the Spark jobs that follow in the UI and event log: "medsyn STAGE: what". */
  public void describe(Stage<?> stage, String what) {
    spark.sparkContext().setJobDescription("medsyn " + stage.name() + ": " + what);
  }
}

package io.medsyn.run;

import io.medsyn.config.SparkConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts (or joins) the Spark session a job runs in. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(SparkConfig config) {
    SparkConf existing = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(config.appName())
        .config("spark.sql.shuffle.partitions", config.shufflePartitions())
        // Tasks write their own output files; a speculative copy would pay for the same LLM calls twice.
        .config("spark.speculation", "false");
    // Under spark-submit the master comes from the command line; the config's master is for local runs.
    if (!existing.contains("spark.master") && config.master() != null) {
      builder.master(config.master());
    }
    config.conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}

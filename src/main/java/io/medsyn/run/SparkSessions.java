package io.medsyn.run;

import io.medsyn.config.SecretKeys;
import io.medsyn.config.SparkConfig;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts (or joins) the Spark session a job runs in. */
public final class SparkSessions {
  /** Spark's own default for {@code spark.redaction.regex}. */
  static final String SPARK_REDACTION = "(?i)secret|password|token|access[.]?key";

  private SparkSessions() {}

  /**
   * @param secretNames names whose values must never show in Spark's event log or UI beyond what the redaction
   *     regex already covers: the environment variable {@code generate.openai.api_key_env} names, which a cluster
   *     may pass as {@code spark.executorEnv.NAME}; empty names are skipped
   */
  public static SparkSession create(SparkConfig config, String... secretNames) {
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
    String own = config.conf().getOrDefault("spark.redaction.regex",
        existing.get("spark.redaction.regex", SPARK_REDACTION));
    builder.config("spark.redaction.regex", redaction(own, secretNames));
    return builder.getOrCreate();
  }

  /**
   * {@code regex} widened to every secret word ({@link SecretKeys}; Spark's default misses an LLM key's
   * {@code spark.executorEnv.OPENAI_API_KEY} and {@code Authorization: Bearer ...}) and to {@code secretNames}, so
   * that the event log, the UI and the history server show them redacted. A user's own regex is kept and widened,
   * never replaced.
   */
  static String redaction(String regex, String... secretNames) {
    StringBuilder wide = new StringBuilder(regex.contains(SecretKeys.REDACTION) ? regex
        : "(?:" + regex + ")|" + SecretKeys.REDACTION);
    for (String name : secretNames) {
      String quoted = Pattern.quote(name);
      if (!name.isEmpty() && !wide.toString().contains(quoted)) {
        wide.append('|').append(quoted);
      }
    }
    return wide.toString();
  }
}

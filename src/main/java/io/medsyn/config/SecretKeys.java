package io.medsyn.config;

import java.util.regex.Pattern;

/**
 * What a secret's key is called: one list of words, read two ways. The dataset card hides a configuration value
 * whose key holds one of them as a whole word ({@link #isSecret}); Spark's redaction regex finds them anywhere in a
 * conf key or value ({@link #REDACTION}), as Spark applies it, so it also catches {@code Authorization: Bearer ...}
 * in a value.
 */
public final class SecretKeys {
  /**
   * Hadoop's fs.s3a.secret.key, ...session.token, ...password and their kin, Spark's own defaults
   * (secret, password, token, access key) and what an LLM key travels under (api key, authorization, bearer).
   */
  private static final String WORDS = "secret|password|passwd|credentials?|token|bearer|authorization"
      + "|(?:access|account|private|api)[._-]?key";

  /**
   * Whole words of the key: max_tokens is a setting, and api_key_env only names the variable that holds the key.
   */
  private static final Pattern WHOLE_WORD = Pattern.compile("(?i)(?:^|[._-])(?:" + WORDS + ")(?:[._-](?!env$)|$)");

  /**
   * Environment variables handed through Spark's configuration (spark.executorEnv.NAME, spark.yarn.appMasterEnv.NAME,
   * spark.kubernetes.driverEnv.NAME): that is how a cluster user passes an LLM key, whatever the variable's name.
   */
  private static final Pattern ENVIRONMENT = Pattern.compile("(?i)env\\.[^.]+$");

  /**
   * For {@code spark.redaction.regex}: the words found anywhere, as Spark finds its regex in keys and values. Not
   * every environment variable: Spark's UI keeps showing those that are no secret (a region, a path); the session
   * adds the one {@code api_key_env} names.
   */
  public static final String REDACTION = "(?i)" + WORDS;

  private SecretKeys() {}

  /**
   * Whether the value of {@code key} (a whole key or one segment of it) stays out of what is published: its key
   * names a credential, or it is an environment variable handed through Spark's configuration.
   */
  public static boolean isSecret(String key) {
    return WHOLE_WORD.matcher(key).find() || ENVIRONMENT.matcher(key).find();
  }
}

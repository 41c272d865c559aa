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

  /** For {@code spark.redaction.regex}: the words found anywhere, as Spark finds its regex in keys and values. */
  public static final String REDACTION = "(?i)" + WORDS;

  private SecretKeys() {}

  /** Whether {@code key} (a whole key or one segment of it) names a credential. */
  public static boolean isSecret(String key) {
    return WHOLE_WORD.matcher(key).find();
  }
}

package io.medsyn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two readings of the secret words: whole words of a key for the card, anywhere for Spark. */
class SecretKeysTest {
  @Test
  void aSettingThatOnlyContainsASecretWordIsNoSecretInTheCard() {
    assertThat(List.of("max_tokens", "tokens_per_minute", "api_key_env", "spark.executor.memory", "secretary"))
        .noneMatch(SecretKeys::isSecret);
    assertThat(List.of("api_key", "API-KEY", "fs.s3a.secret.key", "spark.executorEnv.LLM_REGION", "token"))
        .allMatch(SecretKeys::isSecret);
  }

  @Test
  void sparkFindsTheWordsAnywhereInAKeyOrValueButNotEveryEnvironmentVariable() {
    Pattern spark = Pattern.compile(SecretKeys.REDACTION);

    assertThat(List.of("max_tokens", "Authorization: Bearer sk-1", "spark.executorEnv.MY_PASSWD", "secretary"))
        .allMatch(value -> spark.matcher(value).find());
    assertThat(spark.matcher("spark.executorEnv.LLM_REGION").find()).isFalse();
  }
}

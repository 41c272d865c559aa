package io.medsyn.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The redaction regex the session starts with, as Spark applies it (a find in a conf key or value). */
class SparkSessionsTest {
  @Test
  void redactionCoversApiKeysAuthorizationBearerAndTheNamedVariable() {
    Pattern regex = Pattern.compile(SparkSessions.redaction(SparkSessions.SPARK_REDACTION, "LLM_CREDENTIAL", ""));

    assertThat(regex.matcher("spark.executorEnv.OPENAI_API_KEY").find()).isTrue();
    assertThat(regex.matcher("spark.medsyn.api.key").find()).isTrue();
    assertThat(regex.matcher("Authorization: Bearer sk-1").find()).isTrue();
    assertThat(regex.matcher("spark.executorEnv.LLM_CREDENTIAL").find()).isTrue();
    // Spark's own default still holds.
    assertThat(regex.matcher("spark.hadoop.fs.s3a.secret.key").find()).isTrue();
    assertThat(regex.matcher("spark.executor.memory").find()).isFalse();
    assertThat(regex.matcher("spark.executorEnv.LLM_REGION").find()).isFalse();
  }

  @Test
  void aUsersOwnRegexIsWidenedNotReplacedAndNotTwice() {
    String once = SparkSessions.redaction("(?i)mycompany[.]pin", "X_KEY");

    assertThat(SparkSessions.redaction(once, "X_KEY")).isEqualTo(once);
    assertThat(Pattern.compile(once).matcher("spark.mycompany.pin").find()).isTrue();
    assertThat(Pattern.compile(once).matcher("spark.executorEnv.OPENAI_API_KEY").find()).isTrue();
  }
}

package io.medsyn.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.card.PublicConfig;
import io.medsyn.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redaction regex the session starts with, as Spark applies it (a find in a conf key or value). */
class SparkSessionsTest {
  @TempDir
  Path dir;

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

  /** One rule: whatever the card or Spark redacted before they shared it, both redact now. */
  @Test
  void theCardAndSparkRedactTheSameSecretKeys() throws IOException {
    List<String> keys = List.of("api_key", "spark.executorEnv.OPENAI_API_KEY", "spark.medsyn.api.key",
        "spark.hadoop.fs.s3a.secret.key", "spark.hadoop.fs.s3a.access.key", "spark.hadoop.fs.s3a.session.token",
        "fs.azure.account.key.store.dfs.core.windows.net", "private_key", "authorization", "bearer", "password",
        "passwd", "token", "credentials", "secret");
    Path file = dir.resolve("secrets.yaml");
    Files.writeString(file, keys.stream().map(k -> "    " + k + ": value-of-" + k)
        .collect(Collectors.joining("\n", "spark:\n  conf:\n", "\n")));
    Map<?, ?> conf = (Map<?, ?>) ((Map<?, ?>) PublicConfig.of(ConfigLoader.load(file, List.of())).get("spark"))
        .get("conf");
    Pattern spark = Pattern.compile(SparkSessions.redaction(SparkSessions.SPARK_REDACTION));

    assertThat(conf.keySet().stream().map(String::valueOf)).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(keys).allSatisfy(key -> {
      assertThat(conf.get(key)).as("the card's value of " + key).isEqualTo("<redacted>");
      assertThat(spark.matcher(key).find()).as("Spark redacts " + key).isTrue();
    });
  }
}

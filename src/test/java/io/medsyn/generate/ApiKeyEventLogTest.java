package io.medsyn.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.mkg.MkgStage;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.ChildJvm;
import io.medsyn.testing.Processes;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's cluster leak: the key handed to executors as {@code spark.executorEnv.*} (as spark-submit's --conf
 * would) with Spark's event log on. The event log keeps the property, redacted; the key is in no byte of the event
 * log, the output or the console, though the server echoes the Authorization header in its error bodies.
 */
class ApiKeyEventLogTest {
  private static final String KEY = "sk-medsyn-FAKE-EVENTLOG-5e21c9d04a";
  private static final String KEY_ENV = "MEDSYN_TEST_KEY";

  @TempDir
  Path dir;

  @Test
  void keyInExecutorEnvIsRedactedFromTheEventLogOutputAndLogs() throws IOException {
    Path output = dir.resolve("run");
    Path events = Files.createDirectories(dir.resolve("events"));
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().apiKey(KEY).echoAuthorization(true)
        .fault(Fault.BAD_REQUEST, 0.2).fault(Fault.SERVER_ERROR, 0.2).seed(3).start()) {
      List<String> overrides = List.of("output=" + output, "mkg.codes=[I10,J06]", "sample.n=20",
          "sample.partitions=2", "generate.backend=openai", "generate.slots=2",
          "generate.openai.base_url=" + server.baseUrl(), "generate.openai.api_key_env=" + KEY_ENV,
          "generate.openai.requests_per_minute=0", "generate.openai.tokens_per_minute=0",
          "generate.openai.backoff_base_ms=10", "generate.openai.backoff_max_ms=50");
      RunContext context = new RunContext(ConfigLoader.load(null, overrides), TestSpark.session());
      new MkgStage().run(context);
      new SampleStage().run(context);

      List<String> args = new ArrayList<>(List.of("generate"));
      args.addAll(ChildJvm.sets(overrides));
      args.addAll(ChildJvm.sets(List.of("spark.conf.spark.eventLog.enabled=true",
          "spark.conf.spark.eventLog.dir=" + events.toUri(), "spark.conf.spark.eventLog.compress=false",
          "spark.conf.spark.executorEnv." + KEY_ENV + "=" + KEY)));
      Processes.Result run = Processes.run(ChildJvm.medsyn(args),
          Map.of(KEY_ENV, KEY, "SPARK_LOCAL_IP", "127.0.0.1"), Duration.ofMinutes(3));

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.stdout() + run.stderr()).contains("generate run").doesNotContain(KEY.substring(3));
      // The key was in use (the server checks it) and quoted back in 400 and 500 bodies.
      assertThat(server.count(Fault.NONE)).isPositive();
      assertThat(server.count(Fault.BAD_REQUEST) + server.count(Fault.SERVER_ERROR)).isPositive();
    }
    String eventLog = readAll(events);
    assertThat(eventLog).contains("\"spark.executorEnv." + KEY_ENV + "\":\"*********(redacted)\"");
    assertThat(eventLog).doesNotContain(KEY.substring(3));
    // Bytes, for the plain-text files (journal); rows, for what Parquet compresses.
    assertThat(readAll(output)).contains("BAD_REQUEST").doesNotContain(KEY.substring(3));
    List<String> rows = TestSpark.session().read().parquet(output.resolve("notes").toString()).collectAsList()
        .stream().map(Object::toString).toList();
    assertThat(rows).hasSize(20).anyMatch(row -> row.contains("Authorization: Bearer ***"))
        .noneMatch(row -> row.contains(KEY.substring(3)));
  }

  /** Every file under {@code root}, as one text (ISO-8859-1: every byte kept, whatever the encoding). */
  private static String readAll(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return all.toString();
  }
}

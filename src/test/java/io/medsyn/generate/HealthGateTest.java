package io.medsyn.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.config.ConfigLoader;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.mkg.MkgStage;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's total failure: an endpoint that refuses connections, or answers 500 to everything. The run stops
 * early and fails naming the root cause, the good notes table from an earlier run stays as it was, and the
 * attempted run's rows are where the message says.
 */
class HealthGateTest {
  private static final int TASKS = 60;
  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  private RunContext pipeline(Path output, String... more) {
    List<String> overrides = new ArrayList<>(List.of("output=" + output, "mkg.codes=[I10,J06,E11]",
        "sample.n=" + TASKS, "sample.partitions=2", "generate.slots=2", "generate.openai.api_key_env=",
        "generate.openai.requests_per_minute=0", "generate.openai.tokens_per_minute=0",
        "generate.openai.max_attempts=2", "generate.openai.backoff_base_ms=5", "generate.openai.backoff_max_ms=20",
        "generate.openai.max_in_flight=4", "generate.openai.circuit_window_size=10"));
    overrides.addAll(List.of(more));
    return new RunContext(ConfigLoader.load(null, overrides), spark);
  }

  /** An offline run's notes table, as the good notes a failed run must not replace. */
  private Set<String> goodNotes(Path output) {
    RunContext offline = pipeline(output);
    new MkgStage().run(offline);
    new SampleStage().run(offline);
    new GenerateStage().run(offline);
    return notes(output);
  }

  private Set<String> notes(Path output) {
    return spark.read().parquet(output.resolve("notes").toString()).select("note_id", "status", "text")
        .collectAsList().stream().map(Object::toString).collect(Collectors.toSet());
  }

  @Test
  void refusedConnectionsStopTheRunNamingTheCauseAndKeepTheGoodNotes() throws IOException {
    Path output = dir.resolve("refused");
    Set<String> good = goodNotes(output);
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    RunContext dead = pipeline(output, "generate.backend=openai", "generate.openai.base_url=http://127.0.0.1:" + port);

    assertThatThrownBy(() -> new GenerateStage().run(dead)).isInstanceOf(GenerationStoppedException.class)
        .hasMessageContaining("over generate.max_failed_share=0.5; root cause: POST http://127.0.0.1:" + port
            + "/v1/chat/completions failed: Failed to connect to /127.0.0.1:" + port)
        .hasMessageContaining("the notes table " + output.resolve("notes") + " is left as it was; this run's rows "
            + "are in " + output.resolve("notes") + ".attempt-")
        .hasMessageNotContaining("\n");
    assertThat(notes(output)).isEqualTo(good).hasSize(TASKS);
  }

  @Test
  void serverErrorsEverywhereStopTheRunWithTheStatusAndBodyAndRowsKeepTheRootCause() throws IOException {
    Path output = dir.resolve("errors");
    Set<String> good = goodNotes(output);
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().fault(Fault.SERVER_ERROR, 1.0).start()) {
      RunContext failing = pipeline(output, "generate.backend=openai", "generate.openai.base_url=" + server.baseUrl());

      String message = catchMessage(failing);
      assertThat(message).contains("root cause: HTTP 500 from POST " + server.baseUrl()
          + "/v1/chat/completions: {\"error\":{\"message\":\"The server had an error\"");
      // Not every task was sent: the tasks stopped after 20 settled requests each.
      assertThat(server.requestLog().stream().map(FaultyOpenAiServer.LoggedRequest::fingerprint).distinct().count())
          .isLessThan(TASKS);
      assertThat(notes(output)).isEqualTo(good);
      String attempt = message.replaceAll(".*this run's rows are in (\\S+) \\(and.*", "$1");
      List<String> circuitOpen = spark.read().parquet(attempt).where("error_class = 'CIRCUIT_OPEN'")
          .select("error_message").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      assertThat(circuitOpen).isNotEmpty().allMatch(m -> m.contains("last failure: HTTP 500 from POST"));
    }
  }

  private static String catchMessage(RunContext context) {
    try {
      new GenerateStage().run(context);
    } catch (GenerationStoppedException e) {
      return e.getMessage();
    }
    throw new AssertionError("the run did not stop");
  }
}

package io.medsyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.mkg.MkgStage;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.ChildJvm;
import io.medsyn.testing.Processes;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classified error met inside a Spark job (the endpoint refuses the key: the sending task fails) ends, under the
 * shipped logging configuration (conf/log4j2.properties), in one line and exit status 2 on the console; Spark's
 * stack traces go to the log file.
 */
class ConsoleErrorsTest {
  @TempDir
  Path dir;

  @Test
  void refusedKeyIsOneLineOnTheConsoleAndTheStackTraceIsInTheLogFile() throws IOException {
    Path output = dir.resolve("run");
    Path logFile = dir.resolve("medsyn.log");
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().apiKey("sk-the-right-one").start()) {
      List<String> overrides = List.of("output=" + output, "mkg.codes=[I10,J06]", "sample.n=12",
          "sample.partitions=2", "generate.backend=openai", "generate.slots=2",
          "generate.openai.base_url=" + server.baseUrl(), "generate.openai.api_key_env=MEDSYN_TEST_KEY",
          "generate.openai.requests_per_minute=0", "generate.openai.tokens_per_minute=0");
      RunContext context = new RunContext(ConfigLoader.load(null, overrides), TestSpark.session());
      new MkgStage().run(context);
      new SampleStage().run(context);

      List<String> args = new ArrayList<>(List.of("generate"));
      args.addAll(ChildJvm.sets(overrides));
      Processes.Result run = Processes.run(ChildJvm.medsyn(List.of("-Dlog4j2.configurationFile="
              + Processes.PROJECT.resolve("conf/log4j2.properties"), "-Dmedsyn.log.file=" + logFile), args),
          Map.of("MEDSYN_TEST_KEY", "sk-a-wrong-one", "SPARK_LOCAL_IP", "127.0.0.1"), Duration.ofMinutes(3));

      assertThat(run.exit()).as(run.output()).isEqualTo(Commands.BAD_INPUT);
      assertThat(run.stdout() + run.stderr()).as(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
      List<String> errors = run.stderr().lines().filter(line -> line.startsWith("medsyn generate:")).toList();
      assertThat(errors).as(run.output()).hasSize(1);
      assertThat(errors.get(0)).contains("HTTP 401 from POST " + server.baseUrl(),
          "environment variable MEDSYN_TEST_KEY", "journal: " + output.resolve("generate/journal"));
    }
    assertThat(Files.readString(logFile)).contains("GenerationStoppedException").contains("\tat ");
  }
}

package io.medsyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
  @TempDir
  Path dir;

  @Test
  void withoutARealCorpusItSaysHowToNameOneAndDoesNothing() {
    RunContext pipeline = new RunContext(ConfigLoader.load(null, List.of("output=" + dir.resolve("out"))),
        TestSpark.session());
    java.io.StringWriter captured = new java.io.StringWriter();
    new EvaluateCommand().run(pipeline, new java.io.PrintWriter(captured, true));
    String out = captured.toString();
    assertThat(out).contains("no real corpus configured").contains("--set evaluate.train.path=")
        .contains("--set evaluate.eval.path=").contains("--set evaluate.synthetic.path=");
    // Every key the message names exists.
    ConfigLoader.load(null, List.of("evaluate.train.path=a", "evaluate.eval.path=b", "evaluate.synthetic.path=c",
        "evaluate.train.format=csv", "evaluate.train.id_column=ID", "evaluate.train.text_column=T",
        "evaluate.train.code_column=C"));
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void isASubCommand() {
    CommandLine cli = Commands.commandLine();
    assertThat(cli.getSubcommands()).containsKey("evaluate");
    assertThat(cli.getSubcommands().get("evaluate").getUsageMessage()).contains("OUTPUT/report/evaluation.html");
  }
}

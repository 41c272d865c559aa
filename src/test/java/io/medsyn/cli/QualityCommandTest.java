package io.medsyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.TestSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FilterCommandTest {
  @TempDir
  Path dir;

  @Test
  void filterIsASubCommandThatExplainsItsOutputs() {
    StringWriter out = new StringWriter();
    CommandLine cli = Commands.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("filter", "--help")).isZero();
    assertThat(out.toString()).contains("OUTPUT/notes", "OUTPUT/quality/notes", "quality_pass", "reject_reasons",
        "OUTPUT/quality/summary", "--set=KEY=VALUE");
  }

  @Test
  void filterWithoutNotesSaysWhichTableIsMissingAndWhatToRun() {
    TestSpark.session();
    StringWriter err = new StringWriter();
    CommandLine cli = Commands.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("filter", "--output", dir.toString())).isEqualTo(Commands.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("medsyn filter: the notes table " + dir.resolve("notes")
        + " does not exist: run the generation stage first (medsyn generate)");
    assertThat(TestSpark.session().sparkContext().isStopped()).isFalse();
  }
}

package io.medsyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {
  @TempDir
  Path dir;

  @Test
  void qualityIsASubCommandThatExplainsItsOutputs() {
    CliHarness.Result help = CliHarness.run("quality", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("OUTPUT/notes", "OUTPUT/quality/notes", "quality_pass", "reject_reasons",
        "OUTPUT/quality/summary", "--set=KEY=VALUE");
  }

  @Test
  void qualityWithoutNotesSaysWhichTableIsMissingAndWhatToRun() {
    TestSpark.session();
    CliHarness.Result missing = CliHarness.run("quality", "--output", dir.toString());
    assertThat(missing.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(missing.err().strip()).isEqualTo("medsyn quality: the notes table " + dir.resolve("notes")
        + " does not exist: run the generation stage first (medsyn generate)");
    assertThat(TestSpark.session().sparkContext().isStopped()).isFalse();
  }
}

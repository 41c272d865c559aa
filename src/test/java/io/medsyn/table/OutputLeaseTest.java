package io.medsyn.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.cli.Commands;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One run per output, and an output that is a file refused before any work. */
class OutputLeaseTest {
  private static final Configuration HADOOP = new Configuration();

  @TempDir
  Path dir;

  @Test
  void secondRunOnTheSameOutputStopsNamingTheHolderUntilTheFirstEnds() {
    String output = dir.resolve("run").toString();
    try (OutputLease first = OutputLease.acquire(HADOOP, output, "generate", false)) {
      assertThat(dir.resolve("run/_medsyn.lease")).exists();
      assertThatThrownBy(() -> OutputLease.acquire(HADOOP, output, "generate", false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("output: " + output + " is in use by 'medsyn generate' (run ")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("wait for it to end");
      // A live holder is never taken over, flag or not.
      assertThatThrownBy(() -> OutputLease.acquire(HADOOP, output, "run", true)).hasMessageContaining("in use by");
    }
    assertThat(dir.resolve("run/_medsyn.lease")).doesNotExist();
    OutputLease.acquire(HADOOP, output, "generate", false).close();
  }

  @Test
  void aDeadHoldersLeaseIsTakenOverOnlyWithTheFlag() throws Exception {
    Path output = Files.createDirectories(dir.resolve("run"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(output.resolve("_medsyn.lease"), "{\"host\":\"" + java.net.InetAddress.getLocalHost()
        .getHostName() + "\",\"pid\":" + gone.pid() + ",\"run_id\":\"killed\",\"command\":\"medsyn generate\","
        + "\"started\":\"" + Instant.now() + "\",\"heartbeat\":\"" + Instant.now() + "\"}");

    assertThatThrownBy(() -> OutputLease.acquire(HADOOP, output.toString(), "generate", false))
        .hasMessageContaining("(run killed, host ").hasMessageContaining("pass --take-over-lease");
    try (OutputLease taken = OutputLease.acquire(HADOOP, output.toString(), "generate", true)) {
      assertThat(Files.readString(output.resolve("_medsyn.lease"))).doesNotContain("killed")
          .contains("\"pid\":" + ProcessHandle.current().pid());
    }
  }

  @Test
  void outputThatIsAFileIsRefusedBeforeAnyWork() throws IOException {
    TestSpark.session();
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
    StringWriter err = new StringWriter();
    CommandLine cli = Commands.commandLine();
    cli.setErr(new PrintWriter(err));

    int status = cli.execute("sample", "--output", file.toString(), "--set", "sample.n=10");

    assertThat(status).isEqualTo(Commands.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("medsyn sample: output: " + file + " is a file, not a directory; "
        + "pass --output DIR (or set output) to a directory, which is created when missing");
    assertThat(Files.readString(file)).isEqualTo("not a directory");
  }
}

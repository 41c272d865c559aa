package io.medsyn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code medsyn ARGS} in this JVM as a user would, capturing what it prints and its exit status. */
final class CliHarness {
  record Result(int status, String out, String err) {}

  private CliHarness() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Commands.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int status = cli.execute(args);
    return new Result(status, out.toString(), err.toString());
  }
}

package io.medsyn;

import io.medsyn.cli.Commands;
import picocli.CommandLine;

/** The {@code medsyn} command: one sub-command per pipeline stage, and {@code run} for all of them. */
public final class MedSyn {
  private MedSyn() {}

  public static void main(String[] args) {
    System.exit(Commands.commandLine().execute(args));
  }
}

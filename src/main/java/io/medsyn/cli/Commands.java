package io.medsyn.cli;

import io.medsyn.config.ConfigException;
import io.medsyn.generate.GenerationStoppedException;
import io.medsyn.mkg.GraphValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree and how errors reach the user: a bad input is one line naming it, not a stack trace. */
@Command(name = "medsyn", mixinStandardHelpOptions = true, version = "medsyn 0.1.0",
    description = "MedSyn on Spark: synthetic clinical notes from a medical knowledge graph, at cluster scale.",
    subcommands = {MkgCommand.class, SampleCommand.class, GenerateCommand.class, QualityCommand.class,
        EvaluateCommand.class, RunCommand.class})
public final class Commands implements Runnable {
  /** Exit status for input the user must fix (configuration, graph, corpus, credentials). */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a sub-command: mkg, sample, generate, quality, evaluate or run");
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Commands());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof GraphValidationException
          || e instanceof IllegalArgumentException || e instanceof GenerationStoppedException) {
        commandLine.getErr().println("medsyn " + commandLine.getCommandName() + ": " + e.getMessage());
        return BAD_INPUT;
      }
      throw e;
    });
    return cli;
  }
}

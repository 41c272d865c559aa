package io.medsyn.cli;

import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, quality, then evaluate (when a real corpus is configured)."})
final class RunCommand extends SessionCommand {
  /** Every stage in order; each reports as its own sub-command (the one of the stage's name) would. */
  @Override
  void run(RunContext context, PrintWriter out) {
    Stages.run(context, (stage, summary) -> ((StageCommand<?>) spec.parent().subcommands().get(stage.name())
        .getCommand()).reportAny(summary, context.layout(), out));
  }
}

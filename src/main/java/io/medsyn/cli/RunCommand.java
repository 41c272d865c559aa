package io.medsyn.cli;

import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, quality, then evaluate (when a real corpus is configured)."})
final class RunCommand extends SessionCommand {
  /** Every stage in order; each reports as its own sub-command (the one of the stage's name) would. */
  @Override
  void run(RunContext context, PrintWriter out) {
    Stages.run(context, reporter(spec, context, out));
  }

  /** Reports a stage's summary as the sub-command of the stage's name would. */
  static BiConsumer<Stage<?>, Object> reporter(CommandSpec spec, RunContext context, PrintWriter out) {
    return (stage, summary) -> ((StageCommand<?>) spec.parent().subcommands().get(stage.name()).getCommand())
        .reportAny(summary, context.layout(), out);
  }
}

package io.medsyn.cli;

import io.medsyn.generate.GenerateStage;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, quality, then evaluate (when a real corpus is configured)."})
final class RunCommand extends SessionCommand {
  @Option(names = "--dry-run", description = "Build the graph and the tasks (no cost), then print what generate"
      + " would send, its estimated tokens and cost, and where generate.budget_usd would stop it; send nothing and"
      + " stop there.")
  boolean dryRun;

  /**
   * Every stage in order; each reports as its own sub-command (the one of the stage's name) would. A dry run stops
   * at generate with its estimate.
   */
  @Override
  void run(RunContext context, PrintWriter out) {
    BiConsumer<Stage<?>, Object> report = reporter(spec, context, out);
    if (!dryRun) {
      Stages.run(context, report);
      return;
    }
    for (Stage<?> stage : Stages.all()) {
      if (stage instanceof GenerateStage generate) {
        out.println(generate.dryRun(context).render());
        return;
      }
      report.accept(stage, stage.run(context));
    }
  }

  /** Reports a stage's summary as the sub-command of the stage's name would. */
  static BiConsumer<Stage<?>, Object> reporter(CommandSpec spec, RunContext context, PrintWriter out) {
    return (stage, summary) -> ((StageCommand<?>) spec.parent().subcommands().get(stage.name()).getCommand())
        .reportAny(summary, context.layout(), out);
  }
}

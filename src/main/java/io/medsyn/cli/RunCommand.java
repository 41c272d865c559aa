package io.medsyn.cli;

import io.medsyn.generate.GenerateStage;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
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
    if (!dryRun) {
      Stages.run(context, (stage, summary) -> report(stage, summary, context, out));
      return;
    }
    for (Stage<?> stage : Stages.all()) {
      if (stage instanceof GenerateStage generate) {
        out.println(generate.dryRun(context).render());
        return;
      }
      report(stage, stage.run(context), context, out);
    }
  }

  private void report(Stage<?> stage, Object summary, RunContext context, PrintWriter out) {
    ((StageCommand<?>) spec.parent().subcommands().get(stage.name()).getCommand()).reportAny(summary,
        context.layout(), out);
  }
}

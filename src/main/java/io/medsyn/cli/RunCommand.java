package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, filter, then evaluate (when a real corpus is configured)."})
final class RunCommand extends StageCommand {
  /** The stages in pipeline order; each reports as its own sub-command would. */
  private static final List<StageCommand> STAGES = List.of(new MkgCommand(), new SampleCommand(),
      new GenerateCommand(), new FilterCommand(), new EvaluateCommand());

  @Option(names = "--dry-run", description = "Build the graph and the tasks (no cost), then print what generate"
      + " would send, its estimated tokens and cost, and where generate.budget_usd would stop it; send nothing and"
      + " stop there.")
  boolean dryRun;

  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    for (StageCommand stage : STAGES) {
      if (dryRun && stage instanceof GenerateCommand) {
        out.println(pipeline.dryRun().render());
        return;
      }
      stage.run(pipeline, out);
    }
  }
}

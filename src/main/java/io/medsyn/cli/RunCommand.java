package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, filter, then evaluate (when a real corpus is configured)."})
final class RunCommand extends StageCommand {
  /** The stages in pipeline order; each reports as its own sub-command would. */
  static final List<StageCommand> STAGES = List.of(new MkgCommand(), new SampleCommand(),
      new GenerateCommand(), new FilterCommand(), new EvaluateCommand());

  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    for (StageCommand stage : STAGES) {
      stage.run(pipeline, out);
    }
  }
}

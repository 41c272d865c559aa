package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write one note per task of OUTPUT/tasks with the configured backend (generate.backend: offline"
        + " by default, no network) into OUTPUT/notes (Parquet, partitioned by code). Every finished request is"
        + " journaled under OUTPUT/generate/journal, so a re-run sends only what is not done yet."})
final class GenerateCommand extends StageCommand {
  @Option(names = "--cancel", description = "Cancel the batches generate.backend=openai_batch has out, keep what"
      + " they finished, and mark every other pending task CANCELLED; sends nothing.")
  boolean cancel;

  @Option(names = "--dry-run", description = "Send nothing: print the tasks and the requests still to send after"
      + " resume, their estimated tokens and cost (list and batch prices), and where generate.budget_usd would"
      + " stop the run.")
  boolean dryRun;

  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    if (dryRun) {
      out.println(pipeline.dryRun().render());
    } else {
      out.println((cancel ? pipeline.cancelBatches() : pipeline.generate()).render());
    }
  }
}

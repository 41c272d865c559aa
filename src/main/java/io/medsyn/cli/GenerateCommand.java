package io.medsyn.cli;

import io.medsyn.generate.GenerateSummary;
import io.medsyn.generate.GenerateStage;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write one note per task of OUTPUT/tasks with the configured backend (generate.backend: offline"
        + " by default, no network) into OUTPUT/notes (Parquet, partitioned by code). Every finished request is"
        + " journaled under OUTPUT/generate/journal, so a re-run sends only what is not done yet."})
final class GenerateCommand extends StageCommand<GenerateSummary> {
  @Option(names = "--cancel", description = "Cancel the batches generate.backend=openai_batch has out, keep what"
      + " they finished, and mark every other pending task CANCELLED; sends nothing.")
  boolean cancel;

  @Option(names = "--dry-run", description = "Send nothing: print the tasks and the requests still to send after"
      + " resume, their estimated tokens and cost (at each backend's prices: list and batch), and where"
      + " generate.budget_usd would stop the run.")
  boolean dryRun;

  GenerateCommand() {
    super(Stages.generate());
  }

  @Override
  void run(RunContext context, PrintWriter out) {
    if (dryRun) {
      out.println(new GenerateStage().dryRun(context).render());
    } else if (cancel) {
      report(GenerateStage.cancelling().run(context), context.layout(), out);
    } else {
      super.run(context, out);
    }
  }

  @Override
  void report(GenerateSummary summary, Layout layout, PrintWriter out) {
    out.println(summary.render());
    out.printf("dataset card %s%n", layout.card());
  }
}

package io.medsyn.cli;

import io.medsyn.generate.GenerateStage;
import io.medsyn.generate.GenerateSummary;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write one note per task of OUTPUT/tasks with the configured backend (generate.backend: offline"
        + " by default, no network) into OUTPUT/notes (Parquet, partitioned by code). Every finished request is"
        + " journaled under OUTPUT/generate/journal, so a re-run sends only what is not done yet."})
final class GenerateCommand extends StageCommand<GenerateSummary> {
  GenerateCommand() {
    super(new GenerateStage());
  }

  @Override
  void report(GenerateSummary summary, Layout layout, PrintWriter out) {
    out.println(summary.render());
  }
}

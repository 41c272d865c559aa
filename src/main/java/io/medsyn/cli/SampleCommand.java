package io.medsyn.cli;

import io.medsyn.sample.SampleStage;
import io.medsyn.sample.SampleSummary;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Allocate sample.n tasks over the graph's codes and draw each task's symptoms, anamnesis, findings,"
        + " sex, age and optional example note; write them to OUTPUT/tasks (Parquet)."})
final class SampleCommand extends StageCommand<SampleSummary> {
  SampleCommand() {
    super(new SampleStage());
  }

  @Override
  void report(SampleSummary summary, Layout layout, PrintWriter out) {
    out.println(summary.render());
  }
}

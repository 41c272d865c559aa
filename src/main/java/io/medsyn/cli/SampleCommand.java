package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Allocate sample.n tasks over the graph's codes and draw each task's symptoms, anamnesis, findings,"
        + " sex, age and optional example note; write them to OUTPUT/tasks (Parquet)."})
final class SampleCommand extends StageCommand {
  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    long tasks = pipeline.sample();
    out.printf("sampled %d tasks into %s%n", tasks, pipeline.layout().tasks());
  }
}

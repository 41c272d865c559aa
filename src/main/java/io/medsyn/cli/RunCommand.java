package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline that exists: mkg, sample, then generate."})
final class RunCommand extends StageCommand {
  @Override
  void run(Pipeline pipeline) {
    out().println(pipeline.mkg().render());
    long tasks = pipeline.sample();
    out().printf("sampled %d tasks into %s%n", tasks, pipeline.layout().tasks());
    out().println(pipeline.generate().render());
  }
}

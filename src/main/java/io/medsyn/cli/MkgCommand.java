package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "mkg", mixinStandardHelpOptions = true,
    description = {"Build, validate and write the medical knowledge graph (mkg.source: builtin, csv, json or parquet)"
        + " as vertices and edges Parquet tables under OUTPUT/mkg, and print a summary."})
final class MkgCommand extends StageCommand {
  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    out.println(pipeline.mkg().render());
  }
}

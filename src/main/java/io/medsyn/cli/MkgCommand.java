package io.medsyn.cli;

import io.medsyn.mkg.GraphSummary;
import io.medsyn.mkg.MkgStage;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "mkg", mixinStandardHelpOptions = true,
    description = {"Build, validate and write the medical knowledge graph (mkg.source: builtin, csv, json or parquet)"
        + " as vertices and edges Parquet tables under OUTPUT/mkg, and print a summary."})
final class MkgCommand extends StageCommand<GraphSummary> {
  MkgCommand() {
    super(new MkgStage());
  }

  @Override
  void report(GraphSummary summary, Layout layout, PrintWriter out) {
    out.println(summary.render());
  }
}

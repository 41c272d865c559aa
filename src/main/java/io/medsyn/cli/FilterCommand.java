package io.medsyn.cli;

import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "filter", mixinStandardHelpOptions = true,
    description = {"Score every note of OUTPUT/notes (symptom coverage, diagnosis leakage, example copying, length,"
        + " language, refusals, exact and near-duplicates, passages copied from the real training notes); measure"
        + " the passing notes against those real notes (discriminator AUC, length, vocabulary); write them all to OUTPUT/quality/notes with quality_pass"
        + " and reject_reasons, and the counts by reason and code to OUTPUT/quality/summary (Parquet) and"
        + " OUTPUT/quality/summary.json, and the page OUTPUT/report/quality.html. The corpus is the notes that pass;"
        + " nothing is deleted."})
final class FilterCommand extends StageCommand {
  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    out.println(pipeline.filter().render());
    out.printf("scored notes in %s; report %s%n", pipeline.layout().qualityNotes(),
        pipeline.layout().qualityReport());
  }
}

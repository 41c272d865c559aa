package io.medsyn.cli;

import io.medsyn.quality.QualitySummary;
import io.medsyn.run.Stages;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "quality", mixinStandardHelpOptions = true,
    description = {"Check every note of OUTPUT/notes (symptom coverage, diagnosis leakage, example copying, length,"
        + " language, refusals, exact and near-duplicates, passages copied from the real training notes); measure"
        + " the passing notes against those real notes (discriminator AUC, length, vocabulary); write them all to OUTPUT/quality/notes with quality_pass"
        + " and reject_reasons, and the counts by reason and code to OUTPUT/quality/summary (Parquet) and"
        + " OUTPUT/quality/summary.json, and the page OUTPUT/report/quality.html. The corpus is the notes that pass;"
        + " nothing is deleted."})
final class QualityCommand extends StageCommand<QualitySummary> {
  QualityCommand() {
    super(Stages.quality());
  }

  @Override
  void report(QualitySummary summary, Layout layout, PrintWriter out) {
    out.println(summary.render());
    out.printf("checked notes in %s; report %s; dataset card %s%n", layout.qualityNotes(), layout.qualityReport(),
        layout.card());
  }
}

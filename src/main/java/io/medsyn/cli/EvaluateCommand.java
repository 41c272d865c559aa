package io.medsyn.cli;

import io.medsyn.evaluate.EvaluateStage;
import io.medsyn.evaluate.EvaluationResult;
import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Train an ICD-10 classifier (Spark MLlib) on real notes, on real plus synthetic notes (MedSyn's"
        + " mixture grid) and on synthetic notes only; score it on held-out real notes; write the figures to"
        + " OUTPUT/evaluation (Parquet and metrics.json) and a self-contained report to"
        + " OUTPUT/report/evaluation.html."})
final class EvaluateCommand extends StageCommand<Optional<EvaluationResult>> {
  EvaluateCommand() {
    super(new EvaluateStage());
  }

  static final String NO_CORPUS = """
      medsyn evaluate: no real corpus configured, so there is nothing to evaluate against; nothing was done.
      Point it at a real training corpus (JSON Lines {"idx","symptoms","code"} by default, or csv/parquet):
        medsyn evaluate --set evaluate.train.path=PATH/train.jsonl
      and optionally a separate evaluation split (otherwise evaluate.eval_fraction of train is held out):
        --set evaluate.eval.path=PATH/dev.jsonl
      Other forms: --set evaluate.train.format=csv --set evaluate.train.id_column=ID
        --set evaluate.train.text_column=TEXT --set evaluate.train.code_column=CODE
      Synthetic notes default to OUTPUT/notes; another corpus: --set evaluate.synthetic.path=PATH.""";

  @Override
  void report(Optional<EvaluationResult> result, Layout layout, PrintWriter out) {
    if (result.isEmpty()) {
      out.println(NO_CORPUS);
      return;
    }
    out.printf(Locale.ROOT, "%-32s %6s %6s %8s%n", "mixture", "Hit@1", "Hit@3", "macro-F1");
    for (CellRow c : result.get().cells()) {
      out.printf(Locale.ROOT, "%-32s %6.1f %6.1f %8.1f%n", c.cell(), 100 * c.hit1Mean(), 100 * c.hit3Mean(),
          100 * c.macroF1Mean());
    }
    out.printf("figures in %s, report in %s%n", layout.evaluationJson(), layout.report());
  }
}

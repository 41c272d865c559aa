package io.medsyn.cli;

import io.medsyn.card.Card;
import io.medsyn.pipeline.Layout;
import io.medsyn.pipeline.Pipeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, filter, then evaluate (when a real corpus is configured)."})
final class RunCommand extends StageCommand {
  /** The stages in pipeline order; each reports as its own sub-command would. */
  private static final List<StageCommand> STAGES = List.of(new MkgCommand(), new SampleCommand(),
      new GenerateCommand(), new FilterCommand(), new EvaluateCommand());
  /** The experiment on a real corpus, on RuMedTop3 as it lies beside the project. */
  static final String EXPERIMENT = "make experiment TRAIN=../shared/data/rumedtop3/train_v1.jsonl"
      + " EVAL=../shared/data/rumedtop3/dev_v1.jsonl OUT=out-rumed";

  @Override
  void run(Pipeline pipeline, PrintWriter out) {
    for (StageCommand stage : STAGES) {
      stage.run(pipeline, out);
    }
    out.println();
    out.println(made(pipeline.card().orElseThrow(), pipeline.layout()));
  }

  /** The few lines a run ends with: what it made, where, and what to run next. */
  static String made(Card card, Layout layout) {
    return String.format(Locale.ROOT, """
        made %,d notes over %,d ICD-10 codes (%s); %,d pass the quality stage
          corpus:         %s (the rows with quality_pass)
          dataset card:   %s (for machines: %s)
          quality report: %s
        the experiment on a real corpus (real, real + synthetic and synthetic notes; any JSON Lines split):
          %s""", card.notes().ok(), card.byCode().size(), String.join(", ", card.header().language()),
        card.corpusNotes(), layout.qualityNotes(), layout.card(), layout.cardJson(), layout.qualityReport(),
        EXPERIMENT);
  }
}

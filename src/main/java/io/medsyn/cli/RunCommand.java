package io.medsyn.cli;

import io.medsyn.card.Card;
import io.medsyn.card.CardFiles;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, quality, then evaluate (when a real corpus is configured)."})
final class RunCommand extends SessionCommand {
  /** The experiment on a real corpus, on RuMedTop3 as it lies beside the project. */
  static final String EXPERIMENT = "make experiment TRAIN=../shared/data/rumedtop3/train_v1.jsonl"
      + " EVAL=../shared/data/rumedtop3/dev_v1.jsonl OUT=out-rumed";

  /** Every stage in order; each reports as its own sub-command (the one of the stage's name) would. */
  @Override
  void run(RunContext context, PrintWriter out) {
    Stages.run(context, (stage, summary) -> ((StageCommand<?>) spec.parent().subcommands().get(stage.name())
        .getCommand()).reportAny(summary, context.layout(), out));
    out.println();
    out.println(made(CardFiles.read(context).orElseThrow(), context.layout()));
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

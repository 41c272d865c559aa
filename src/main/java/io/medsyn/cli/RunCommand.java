package io.medsyn.cli;

import io.medsyn.card.Card;
import io.medsyn.card.CardFiles;
import io.medsyn.generate.GenerateStage;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline: mkg, sample, generate, quality, then evaluate (when a real corpus is configured)."})
final class RunCommand extends SessionCommand {
  /** The experiment on a real corpus, on RuMedTop3 as it lies beside the project. */
  static final String EXPERIMENT = "make experiment TRAIN=../shared/data/rumedtop3/train_v1.jsonl"
      + " EVAL=../shared/data/rumedtop3/dev_v1.jsonl OUT=out-rumed";

  @Option(names = "--dry-run", description = "Build the graph and the tasks (no cost), then print what generate"
      + " would send, its estimated tokens and cost, and where generate.budget_usd would stop it; send nothing and"
      + " stop there.")
  boolean dryRun;

  /**
   * Every stage in order; each reports as its own sub-command (the one of the stage's name) would, and the run ends
   * by saying what it made. A dry run stops at generate with its estimate.
   */
  @Override
  void run(RunContext context, PrintWriter out) {
    BiConsumer<Stage<?>, Object> report = reporter(spec, context, out);
    if (!dryRun) {
      Stages.run(context, report);
      out.println();
      out.println(made(CardFiles.read(context).orElseThrow(), context.layout()));
      return;
    }
    GenerateStage generate = new GenerateStage();
    for (Stage<?> stage : Stages.all()) {
      if (stage.name().equals(generate.name())) {
        out.println(generate.dryRun(context).render());
        return;
      }
      report.accept(stage, stage.run(context));
    }
  }

  /** Reports a stage's summary as the sub-command of the stage's name would. */
  static BiConsumer<Stage<?>, Object> reporter(CommandSpec spec, RunContext context, PrintWriter out) {
    return (stage, summary) -> ((StageCommand<?>) spec.parent().subcommands().get(stage.name()).getCommand())
        .reportAny(summary, context.layout(), out);
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

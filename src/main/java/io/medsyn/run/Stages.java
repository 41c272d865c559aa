package io.medsyn.run;

import io.medsyn.card.CardedStage;
import io.medsyn.evaluate.EvaluateStage;
import io.medsyn.generate.GenerateStage;
import io.medsyn.generate.GenerateSummary;
import io.medsyn.mkg.MkgStage;
import io.medsyn.quality.QualityStage;
import io.medsyn.quality.QualitySummary;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import java.util.List;
import java.util.function.BiConsumer;

/** A whole run: the stages in order, each reading the tables the ones before it wrote. */
public final class Stages {
  private Stages() {}

  /** Every stage in run order; a new stage joins the run here. */
  public static List<Stage<?>> all() {
    return List.of(new MkgStage(), new SampleStage(), generate(), quality(), new EvaluateStage());
  }

  /** The generate stage, followed by the dataset card of the notes it wrote. */
  public static Stage<GenerateSummary> generate() {
    return new CardedStage<>(new GenerateStage(), false);
  }

  /** The quality stage, followed by the dataset card with its figures. */
  public static Stage<QualitySummary> quality() {
    return new CardedStage<>(new QualityStage(), true);
  }

  /** Runs every stage in order, handing each stage's summary to {@code after} as soon as it is done. */
  public static void run(RunContext context, BiConsumer<Stage<?>, Object> after) {
    for (Stage<?> stage : all()) {
      after.accept(stage, stage.run(context));
    }
  }
}

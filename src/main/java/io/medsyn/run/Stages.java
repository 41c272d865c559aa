package io.medsyn.run;

import io.medsyn.evaluate.EvaluateStage;
import io.medsyn.generate.GenerateStage;
import io.medsyn.mkg.MkgStage;
import io.medsyn.quality.QualityStage;
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
    return List.of(new MkgStage(), new SampleStage(), new GenerateStage(), new QualityStage(), new EvaluateStage());
  }

  /** Runs every stage in order, handing each stage's summary to {@code after} as soon as it is done. */
  public static void run(RunContext context, BiConsumer<Stage<?>, Object> after) {
    for (Stage<?> stage : all()) {
      after.accept(stage, stage.run(context));
    }
  }
}

package io.medsyn.card;

import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;

/**
 * A stage that changes the corpus, followed by rewriting the dataset card, so the card always describes the notes
 * as they are. The stage keeps its name and summary.
 *
 * @param scored the stage leaves the notes scored by the quality stage ({@code quality}), not only generated
 */
public record CardedStage<R>(Stage<R> stage, boolean scored) implements Stage<R> {
  @Override
  public String name() {
    return stage.name();
  }

  @Override
  public R run(RunContext context) {
    R summary = stage.run(context);
    CardFiles.write(context, scored);
    return summary;
  }
}

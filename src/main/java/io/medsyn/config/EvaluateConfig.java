package io.medsyn.config;

import java.io.Serializable;
import java.util.List;

/**
 * The evaluation stage: an ICD-10 classifier trained on real notes, real plus synthetic, and synthetic only, scored
 * on held-out real notes.
 *
 * @param train the real training corpus; without it the stage explains how to name one and does nothing
 * @param eval the real evaluation corpus; without it a stratified {@code evalFraction} of {@code train} is held out
 * @param synthetic the synthetic corpus; format {@code notes} is the generation stage's notes table (path null: the
 *     run's own, under the output root), or any corpus in jsonl, csv or parquet
 * @param depth ICD-10 label depth: 3 = category (I11), 4 = I11.9, 5 = M54.16
 * @param repeats seeds per grid cell (the run seed, seed + 1, ...)
 * @param bootstrap resamples of the evaluation notes for the confidence intervals of changes
 */
public record EvaluateConfig(CorpusConfig train, CorpusConfig eval, double evalFraction, CorpusConfig synthetic,
    int depth, GridConfig grid, int repeats, int bootstrap, ClassifierConfig classifier) implements Serializable {
  public static final List<String> SYNTHETIC_FORMATS = List.of("notes", "jsonl", "csv", "parquet");

  public EvaluateConfig {
    ConfigException.require(train != null, "train", "a corpus section", null);
    ConfigException.require(eval != null, "eval", "a corpus section", null);
    ConfigException.require(synthetic != null, "synthetic", "a corpus section", null);
    if (train.configured()) {
      train.spec("evaluate.train");
    }
    if (eval.configured()) {
      eval.spec("evaluate.eval");
    }
    ConfigException.require(evalFraction > 0 && evalFraction < 1, "eval_fraction",
        "a number in (0, 1)", evalFraction);
    ConfigException.require(SYNTHETIC_FORMATS.contains(synthetic.format()), "synthetic.format",
        "one of " + SYNTHETIC_FORMATS, synthetic.format());
    ConfigException.require(depth >= 3 && depth <= 5, "depth", "3 (category), 4 or 5", depth);
    ConfigException.require(grid != null, "grid", "a section", null);
    ConfigException.require(repeats >= 1, "repeats", "an integer >= 1", repeats);
    ConfigException.require(bootstrap >= 100, "bootstrap", "an integer >= 100", bootstrap);
    ConfigException.require(classifier != null, "classifier", "a section", null);
  }
}

package io.medsyn.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Everything the evaluate stage found: written as Parquet tables (one per list) and as one JSON document, whose
 * schemas are fixed in {@code data-schema/evaluation*.json}. Shares are fractions (0.25 = 25 %), metrics fractions
 * in [0, 1]; "mean" and "sd" are over the seeds of a cell. There are two real-only controls, plain and
 * class-weighted; each other cell's change of a metric is against the control that is stronger on that metric.
 *
 * @param baseline the plain real-only control
 * @param controls the real-only controls: plain, then class-weighted
 * @param selection the settings cross-validation on the real training notes compared (empty when one candidate)
 * @param predictions every evaluation note's top codes per run: written as Parquet, too large for the JSON
 * @param evalSource the evaluation corpus's path, or how it was split from the training corpus
 * @param syntheticSource the synthetic corpus's path, and why it is absent when it is
 */
public record EvaluationResult(int depth, long trainNotes, long evalNotes, long syntheticNotes, String evalSource,
    String syntheticSource, String baseline, List<String> controls, List<CellRow> cells, List<GroupRow> groups,
    List<ChangeRow> changes, List<CodeRow> perCode, List<UnseenRow> unseen, List<RunRow> runs,
    List<SelectionRow> selection, @JsonIgnore List<PredictionRow> predictions) {

  /**
   * One fitted model: a cell of the grid under one seed, with the settings it was fitted with and whether its
   * solver converged ({@code iterations} of {@code maxIter}).
   */
  public record RunRow(String cell, double realShare, double syntheticShare, long seed, long trainReal,
      long trainSynthetic, int codes, double regParam, String classWeight, double syntheticWeight,
      double priorShift, int iterations, int maxIter, boolean converged, double trainSeconds, double hit1,
      double hit3, double macroF1, long unseenNotes) {}

  /** A cell over its seeds ({@code runs} fits: 1 when its training data does not depend on the seed). */
  public record CellRow(String cell, double realShare, double syntheticShare, String classWeight,
      double priorShift, int runs, long trainReal, long trainSynthetic, double hit1Mean, double hit1Sd,
      double hit3Mean, double hit3Sd, double macroF1Mean, double macroF1Sd, double trainSecondsMean) {}

  /** A cell on the notes of the rarest or the most frequent third of codes (by real training frequency). */
  public record GroupRow(String cell, double realShare, double syntheticShare, String group, int codes, long notes,
      double hit1Mean, double hit1Sd, double hit3Mean, double hit3Sd, double macroF1Mean, double macroF1Sd) {}

  /**
   * The change of one metric against {@code control}, with its paired-bootstrap 95 % interval: for an augmented
   * cell the real-only control stronger on this metric and scope, for the class-weighted control the plain one.
   */
  public record ChangeRow(String cell, double realShare, double syntheticShare, String scope, String metric,
      String control, double change, double ciLow, double ciHigh) {}

  /** One code in one cell, means over the seeds; changes against the baseline's figures for the code. */
  public record CodeRow(String cell, double realShare, double syntheticShare, String code, long trainFrequency,
      String frequencyGroup, long support, double precision, double recall, double f1, double hit1, double hit3,
      double f1Change, double hit1Change) {}

  /** A code of evaluation notes that a cell's training data never contained (so every such note is a miss). */
  public record UnseenRow(String cell, double realShare, double syntheticShare, String code, long evalNotes) {}

  /**
   * One candidate setting scored by k-fold cross-validation on the real training notes ({@code fitted}: "real
   * only" or "real + synthetic", whose synthetic notes train every fold and validate none): its mean figures, and
   * the {@code score} by which evaluate.classifier.select_by ranked it.
   */
  public record SelectionRow(String fitted, double regParam, String classWeight, double syntheticWeight,
      double priorShift, int folds, double hit1Mean, double hit1Sd, double hit3Mean, double macroF1Mean,
      double rareHit1Mean, double score, boolean chosen) {}

  /** One evaluation note under one run: its true code and the model's most probable codes, best first. */
  public record PredictionRow(String cell, long seed, String noteId, String code, List<RankedCode> top) {}

  /** A code and the probability the model gave it. */
  public record RankedCode(String code, double probability) {}
}

package io.medsyn.evaluate;

import java.util.List;

/**
 * Everything the evaluate stage found: written as Parquet tables (one per list) and as one JSON document, whose
 * schemas are fixed in {@code data-schema/evaluation*.json}. Shares are fractions (0.25 = 25 %), metrics fractions
 * in [0, 1]; "mean" and "sd" are over the seeds of a cell; changes are against the real-only baseline.
 *
 * @param evalSource the evaluation corpus's path, or how it was split from the training corpus
 * @param syntheticSource the synthetic corpus's path, and why it is absent when it is
 */
public record EvaluationResult(int depth, long trainNotes, long evalNotes, long syntheticNotes, String evalSource,
    String syntheticSource, String baseline, List<CellRow> cells, List<GroupRow> groups, List<ChangeRow> changes,
    List<CodeRow> perCode, List<UnseenRow> unseen, List<RunRow> runs) {

  /** One fitted model: a cell of the grid under one seed. */
  public record RunRow(String cell, double realShare, double syntheticShare, long seed, long trainReal,
      long trainSynthetic, int codes, double regParam, double trainSeconds, double hit1, double hit3,
      double macroF1, long unseenNotes) {}

  /** A cell over its seeds. */
  public record CellRow(String cell, double realShare, double syntheticShare, int runs, long trainReal,
      long trainSynthetic, double hit1Mean, double hit1Sd, double hit3Mean, double hit3Sd, double macroF1Mean,
      double macroF1Sd, double trainSecondsMean) {}

  /** A cell on the notes of the rarest or the most frequent third of codes (by real training frequency). */
  public record GroupRow(String cell, double realShare, double syntheticShare, String group, int codes, long notes,
      double hit1Mean, double hit1Sd, double hit3Mean, double hit3Sd, double macroF1Mean, double macroF1Sd) {}

  /** The change of one metric against the baseline, with its paired-bootstrap 95 % interval. */
  public record ChangeRow(String cell, double realShare, double syntheticShare, String scope, String metric,
      double change, double ciLow, double ciHigh) {}

  /** One code in one cell, means over the seeds; changes against the baseline's figures for the code. */
  public record CodeRow(String cell, double realShare, double syntheticShare, String code, long trainFrequency,
      String frequencyGroup, long support, double precision, double recall, double f1, double hit1, double hit3,
      double f1Change, double hit1Change) {}

  /** A code of evaluation notes that a cell's training data never contained (so every such note is a miss). */
  public record UnseenRow(String cell, double realShare, double syntheticShare, String code, long evalNotes) {}
}

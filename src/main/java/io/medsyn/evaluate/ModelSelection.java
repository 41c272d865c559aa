package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.col;

import io.medsyn.classify.FitSettings;
import io.medsyn.classify.IcdClassifier;
import io.medsyn.classify.Scorer;
import io.medsyn.evaluate.EvaluationResult.SelectionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses classifier settings by k-fold cross-validation on the real training notes, by mean Hit@1. Folds are
 * stratified by code; each validation fold holds real notes only, and synthetic notes, when given, join every
 * training fold and validate none. The evaluation split is not an input, so it cannot take part.
 */
final class ModelSelection {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSelection.class);

  /** The chosen settings and every candidate's cross-validated figures. */
  record Choice(FitSettings settings, List<SelectionRow> rows) {}

  private final IcdClassifier classifier;
  private final int folds;
  private final long seed;

  ModelSelection(IcdClassifier classifier, int folds, long seed) {
    this.classifier = classifier;
    this.folds = folds;
    this.seed = seed;
  }

  /**
   * The best candidate on real training notes (terms computed, column fold-free) plus {@code synthetic} notes in
   * every training fold ({@code null}: real only).
   *
   * @param fitted how the selection rows name the training data
   */
  Choice choose(String fitted, List<FitSettings> candidates, Dataset<Row> real, Dataset<Row> synthetic) {
    Dataset<Row> folded = Stratified.folds(real, folds, seed).cache();
    try {
      List<double[]> scores = new ArrayList<>();
      for (FitSettings candidate : candidates) {
        double[] hit1 = new double[folds];
        for (int f = 0; f < folds; f++) {
          Dataset<Row> train = folded.where(col("fold").notEqual(f)).drop("fold");
          if (synthetic != null) {
            train = train.unionByName(synthetic);
          }
          hit1[f] = new Scorer(classifier.fitTerms(train, candidate)
              .predictTerms(folded.where(col("fold").equalTo(f)))).hitAt(1);
        }
        scores.add(hit1);
        LOG.info("cross-validated Hit@1 of {} on {}: {}", candidate, fitted, String.format("%.3f", mean(hit1)));
      }
      int best = 0;
      for (int i = 1; i < candidates.size(); i++) {
        best = mean(scores.get(i)) > mean(scores.get(best)) ? i : best;
      }
      List<SelectionRow> rows = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        FitSettings c = candidates.get(i);
        rows.add(new SelectionRow(fitted, c.regParam(), c.classWeight(), c.syntheticWeight(), folds,
            mean(scores.get(i)), sd(scores.get(i)), i == best));
      }
      rows.sort(Comparator.comparingDouble(SelectionRow::regParam).thenComparingDouble(
          SelectionRow::syntheticWeight));
      return new Choice(candidates.get(best), rows);
    } finally {
      folded.unpersist();
    }
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double sd(double[] values) {
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}

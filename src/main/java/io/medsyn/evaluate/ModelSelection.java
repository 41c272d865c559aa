package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.col;

import io.medsyn.classify.ClassProbabilities;
import io.medsyn.classify.FitSettings;
import io.medsyn.classify.IcdClassifier;
import io.medsyn.classify.Scorer;
import io.medsyn.classify.TrainingFeatures;
import io.medsyn.config.SelectBy;
import io.medsyn.evaluate.EvaluationResult.SelectionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses classifier settings by k-fold cross-validation on the real training notes, ranked by a {@link SelectBy}.
 * Folds are stratified by code; each validation fold holds real notes only, and synthetic notes, when given, join
 * every training fold and validate none. The evaluation split is not an input, so it cannot take part.
 */
final class ModelSelection {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSelection.class);

  /**
   * The chosen settings, their cross-validated means (Hit@1, Hit@3, macro-F1, rarest-third Hit@1), and every
   * candidate's row.
   */
  record Choice(FitSettings settings, double[] figures, List<SelectionRow> rows) {}

  private final IcdClassifier classifier;
  private final int folds;
  private final long seed;
  private final Set<String> rare;

  /** @param rare the rarest third of the training codes, whose Hit@1 is the fourth column */
  ModelSelection(IcdClassifier classifier, int folds, long seed, Set<String> rare) {
    this.classifier = classifier;
    this.folds = folds;
    this.seed = seed;
    this.rare = rare;
  }

  /**
   * The best candidate by {@code rank} (which may read the {@code controls}' figures) on real training notes
   * (terms computed, column fold-free) plus {@code synthetic} notes in every training fold ({@code null}: real only).
   *
   * @param fitted how the selection rows name the training data
   */
  Choice choose(String fitted, List<FitSettings> candidates, Dataset<Row> real, Dataset<Row> synthetic,
      SelectBy rank, List<double[]> controls) {
    return chooseEach(fitted, List.of(candidates), real, synthetic, rank, controls).get(0);
  }

  /**
   * The best candidate of each group, as {@link #choose} would pick it, with every group cross-validated on the same
   * folds and each training fold's features computed once for all of them (the two real-only controls).
   */
  List<Choice> chooseEach(String fitted, List<List<FitSettings>> groups, Dataset<Row> real,
      Dataset<Row> synthetic, SelectBy rank, List<double[]> controls) {
    List<FitSettings> all = groups.stream().flatMap(List::stream).toList();
    Dataset<Row> folded = Stratified.folds(real, folds, seed).cache();
    try {
      List<double[][]> byFold = crossValidate(all, folded, synthetic);
      List<Choice> choices = new ArrayList<>();
      int from = 0;
      for (List<FitSettings> group : groups) {
        choices.add(best(fitted, group, byFold.subList(from, from + group.size()), rank, controls));
        from += group.size();
      }
      return choices;
    } finally {
      folded.unpersist();
    }
  }

  private Choice best(String fitted, List<FitSettings> candidates, List<double[][]> byFold, SelectBy rank,
      List<double[]> controls) {
    List<double[]> figures = new ArrayList<>();
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      figures.add(means(byFold.get(i)));
      scores[i] = rank.score(figures.get(i), controls);
      LOG.info("cross-validated {} on {}: Hit@1, Hit@3, macro-F1, rare Hit@1 {}, score {}", candidates.get(i),
          fitted, format(figures.get(i)), String.format("%.4f", scores[i]));
    }
    int best = 0;
    for (int i = 1; i < candidates.size(); i++) {
      best = scores[i] > scores[best] ? i : best;
    }
    List<SelectionRow> rows = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      FitSettings c = candidates.get(i);
      double[] mean = figures.get(i);
      rows.add(new SelectionRow(fitted, c.regParam(), c.classWeight().label(), c.syntheticWeight(),
          c.priorShift(), folds, mean[0], sd(byFold.get(i), mean[0]), mean[1], mean[2], mean[3], scores[i],
          i == best));
    }
    rows.sort(Comparator.comparingDouble(SelectionRow::regParam).thenComparing(SelectionRow::classWeight)
        .thenComparingDouble(SelectionRow::syntheticWeight).thenComparingDouble(SelectionRow::priorShift));
    return new Choice(candidates.get(best), figures.get(best), rows);
  }

  /**
   * Per candidate, per validation fold: Hit@1, Hit@3, macro-F1 and rarest-third Hit@1. Each training fold's
   * features are computed once and serve every candidate; candidates that differ only in their prior shift share one
   * fit and one scoring of the fold.
   */
  private List<double[][]> crossValidate(List<FitSettings> candidates, Dataset<Row> folded,
      Dataset<Row> synthetic) {
    List<double[][]> byFold = new ArrayList<>();
    candidates.forEach(c -> byFold.add(new double[folds][]));
    Map<FitSettings, List<Integer>> byFit = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      byFit.computeIfAbsent(candidates.get(i).withPriorShift(0), k -> new ArrayList<>()).add(i);
    }
    for (int f = 0; f < folds; f++) {
      Dataset<Row> train = folded.where(col("fold").notEqual(f)).drop("fold");
      if (synthetic != null) {
        train = train.unionByName(synthetic);
      }
      Dataset<Row> validation = folded.where(col("fold").equalTo(f));
      try (TrainingFeatures features = classifier.features(train)) {
        for (Map.Entry<FitSettings, List<Integer>> fit : byFit.entrySet()) {
          ClassProbabilities probabilities = features.fit(fit.getKey()).probabilities(validation);
          for (int i : fit.getValue()) {
            Scorer scorer = new Scorer(probabilities.ranked(candidates.get(i).priorShift()));
            byFold.get(i)[f] = new double[] {scorer.hitAt(1), scorer.hitAt(3), scorer.macroF1(),
                scorer.scores(null, rare).hit1()};
          }
        }
      }
    }
    return byFold;
  }

  private static double[] means(double[][] byFold) {
    double[] mean = new double[byFold[0].length];
    for (double[] fold : byFold) {
      for (int c = 0; c < mean.length; c++) {
        mean[c] += fold[c] / byFold.length;
      }
    }
    return mean;
  }

  /** The standard deviation of Hit@1 over the folds, whose mean is {@code mean}. */
  private static double sd(double[][] byFold, double mean) {
    double squares = 0;
    for (double[] fold : byFold) {
      squares += (fold[0] - mean) * (fold[0] - mean);
    }
    return Math.sqrt(squares / (byFold.length - 1));
  }

  private static String format(double[] figures) {
    StringBuilder out = new StringBuilder();
    for (double f : figures) {
      out.append(out.length() == 0 ? "" : " / ").append(String.format("%.3f", f));
    }
    return out.toString();
  }
}

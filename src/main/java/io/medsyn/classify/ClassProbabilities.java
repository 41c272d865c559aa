package io.medsyn.classify;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A fitted model's probabilities of every code for each note of an evaluation set (in note id order), with the log
 * of the codes' prior in its real training notes, so that predictions under any prior shift are ranked without
 * scoring the notes again.
 *
 * @param labels the model's codes, in label-index order (the columns of {@code probabilities})
 * @param logPrior per label, ln π_c: the code's add-one-smoothed share of the fit's real training notes
 */
public record ClassProbabilities(List<String> ids, String[] truth, List<String> labels, double[][] probabilities,
    double[] logPrior) {
  public ClassProbabilities {
    ids = List.copyOf(ids);
    labels = List.copyOf(labels);
  }

  /**
   * The predictions that rank codes by p(c|note)·π_c^{@code shift}, renormalised (the top codes' probabilities are
   * the shifted ones); shift 0 keeps the model's probabilities exactly. Ties keep the smaller label index first, so
   * that rank 0 is the prediction. A note whose code the model never saw ranks {@link Predictions#UNSEEN}: a miss at
   * every k, counted, not dropped.
   */
  public Predictions ranked(double shift) {
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < labels.size(); j++) {
      index.put(labels.get(j), j);
    }
    int n = truth.length;
    String[] predicted = new String[n];
    int[] rank = new int[n];
    String[][] topCodes = new String[n][];
    double[][] topProbabilities = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = shift == 0 ? probabilities[i] : shifted(probabilities[i], shift);
      int[] top = IntStream.range(0, p.length).boxed()
          .sorted(Comparator.<Integer>comparingDouble(j -> -p[j]).thenComparingInt(j -> j))
          .limit(TrainedClassifier.TOP).mapToInt(Integer::intValue).toArray();
      predicted[i] = labels.get(top[0]);
      Integer y = index.get(truth[i]);
      rank[i] = y == null ? Predictions.UNSEEN : rankOf(p, y);
      topCodes[i] = IntStream.of(top).mapToObj(labels::get).toArray(String[]::new);
      topProbabilities[i] = IntStream.of(top).mapToDouble(j -> p[j]).toArray();
    }
    return new Predictions(ids, truth, predicted, rank, Set.copyOf(labels), topCodes, topProbabilities);
  }

  /** p_c·π_c^shift renormalised, computed in logs so that a tiny probability cannot underflow to a tie. */
  private double[] shifted(double[] p, double shift) {
    double[] log = new double[p.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < p.length; j++) {
      log[j] = Math.log(p[j]) + shift * logPrior[j];
      max = Math.max(max, log[j]);
    }
    double sum = 0;
    for (int j = 0; j < p.length; j++) {
      log[j] = Math.exp(log[j] - max);
      sum += log[j];
    }
    for (int j = 0; j < p.length; j++) {
      log[j] /= sum;
    }
    return log;
  }

  /** Labels strictly more probable than {@code y}, plus equally probable ones with a smaller index. */
  private static int rankOf(double[] p, int y) {
    int rank = 0;
    for (int j = 0; j < p.length; j++) {
      if (p[j] > p[y] || (p[j] == p[y] && j < y)) {
        rank++;
      }
    }
    return rank;
  }
}

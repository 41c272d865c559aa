package io.medsyn.classify;

import io.medsyn.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hit@k, macro-F1 and per-code figures of one {@link Predictions}, on all notes or on a weighted resample (for the
 * bootstrap). Codes are encoded as integers once, so that a thousand resamples stay cheap.
 *
 * <p>Macro-F1 averages the F1 of every code that occurs among the true or the predicted codes of the notes scored
 * (scikit-learn's convention); a code's F1 is 0 when it has no true positive.
 */
public final class Scorer {
  private final Predictions predictions;
  private final String[] codes;
  private final int[] truth;
  private final int[] predicted;

  public Scorer(Predictions predictions) {
    this.predictions = predictions;
    Map<String, Integer> index = new HashMap<>();
    List<String> names = new ArrayList<>();
    this.truth = encode(predictions.truth(), index, names);
    this.predicted = encode(predictions.predicted(), index, names);
    this.codes = names.toArray(String[]::new);
  }

  private static int[] encode(String[] values, Map<String, Integer> index, List<String> names) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = index.computeIfAbsent(values[i], code -> {
        names.add(code);
        return names.size() - 1;
      });
    }
    return out;
  }

  public int size() {
    return truth.length;
  }

  /** Share of notes whose true code is among the model's {@code k} most probable codes. */
  public double hitAt(int k) {
    return score(null, null).hitAt(k);
  }

  public double macroF1() {
    return score(null, null).macroF1();
  }

  /** Figures on all notes. */
  public Scores scores() {
    return scores(null, null);
  }

  /**
   * Figures on a resample ({@code weights[i]} copies of note i; null for each note once), restricted to the notes
   * whose true code is in {@code group} and to the F1 of codes in {@code group} (null for all codes).
   */
  public Scores scores(int[] weights, Set<String> group) {
    Tally tally = score(weights, group);
    return new Scores(tally.notes, tally.hitAt(1), tally.hitAt(3), tally.macroF1());
  }

  /** Each code's figures, in code order; codes only predicted (never true) have support 0. */
  public List<CodeScore> perCode() {
    Tally all = score(null, null);
    Map<String, CodeScore> byCode = new TreeMap<>();
    for (int c = 0; c < codes.length; c++) {
      long support = all.support[c];
      double precision = all.predictedCount[c] == 0 ? 0 : (double) all.truePositives[c] / all.predictedCount[c];
      double recall = support == 0 ? 0 : (double) all.truePositives[c] / support;
      double hit3 = support == 0 ? 0 : (double) all.hit3ByCode[c] / support;
      byCode.put(codes[c], new CodeScore(codes[c], support, precision, recall, f1(precision, recall), recall, hit3));
    }
    return List.copyOf(byCode.values());
  }

  /** Codes of the evaluation notes that the model was never trained on, with how many notes carry each. */
  public Map<String, Long> unseenCodes() {
    Map<String, Long> unseen = new TreeMap<>();
    for (String code : predictions.truth()) {
      if (!predictions.labels().contains(code)) {
        unseen.merge(code, 1L, Long::sum);
      }
    }
    return new LinkedHashMap<>(unseen);
  }

  private Tally score(int[] weights, Set<String> group) {
    Checks.checkArgument(weights == null || weights.length == truth.length,
        "weights: expected one per note (%s), got %s", truth.length, weights == null ? 0 : weights.length);
    boolean[] inGroup = new boolean[codes.length];
    for (int c = 0; c < codes.length; c++) {
      inGroup[c] = group == null || group.contains(codes[c]);
    }
    Tally tally = new Tally(codes.length, inGroup);
    int[] rank = predictions.rank();
    for (int i = 0; i < truth.length; i++) {
      int w = weights == null ? 1 : weights[i];
      if (w == 0) {
        continue;
      }
      int t = truth[i];
      int p = predicted[i];
      tally.support[t] += w;
      tally.predictedCount[p] += w;
      if (rank[i] == 0) {
        tally.truePositives[t] += w;
      }
      if (rank[i] < 3) {
        tally.hit3ByCode[t] += w;
      }
      if (inGroup[t]) {
        tally.notes += w;
        for (int k = 0; k < tally.hitsAt.length; k++) {
          if (rank[i] <= k) {
            tally.hitsAt[k] += w;
          }
        }
      }
    }
    return tally;
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** Counts over one pass of the notes. */
  private static final class Tally {
    final long[] support;
    final long[] predictedCount;
    final long[] truePositives;
    final long[] hit3ByCode;
    final boolean[] inGroup;
    final long[] hitsAt = new long[10];
    long notes;

    Tally(int codes, boolean[] inGroup) {
      support = new long[codes];
      predictedCount = new long[codes];
      truePositives = new long[codes];
      hit3ByCode = new long[codes];
      this.inGroup = inGroup;
    }

    double hitAt(int k) {
      Checks.checkArgument(k >= 1 && k <= hitsAt.length, "k: expected 1 to %s, got %s", hitsAt.length, k);
      return notes == 0 ? 0 : (double) hitsAt[k - 1] / notes;
    }

    double macroF1() {
      double sum = 0;
      int counted = 0;
      for (int c = 0; c < support.length; c++) {
        if (inGroup[c] && (support[c] > 0 || predictedCount[c] > 0)) {
          double precision = predictedCount[c] == 0 ? 0 : (double) truePositives[c] / predictedCount[c];
          double recall = support[c] == 0 ? 0 : (double) truePositives[c] / support[c];
          sum += f1(precision, recall);
          counted++;
        }
      }
      return counted == 0 ? 0 : sum / counted;
    }
  }
}

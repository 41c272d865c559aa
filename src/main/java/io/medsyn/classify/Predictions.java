package io.medsyn.classify;

import io.medsyn.Checks;
import java.util.List;
import java.util.Set;

/**
 * A classifier's answers on an evaluation set, note by note in a fixed order (by note id), so that two models'
 * predictions on the same set pair up for a paired bootstrap.
 *
 * @param truth the true code of each note
 * @param predicted the top-ranked code
 * @param rank the 0-based position of the true code in the probability ranking; {@link #UNSEEN} when the
 *     training data never saw the true code (a miss at every k)
 * @param labels the codes the model was trained on
 * @param topCodes each note's most probable codes, most probable first (at most {@link TrainedClassifier#TOP})
 * @param topProbabilities their probabilities
 */
public record Predictions(List<String> ids, String[] truth, String[] predicted, int[] rank, Set<String> labels,
    String[][] topCodes, double[][] topProbabilities) {
  public static final int UNSEEN = Integer.MAX_VALUE;

  public Predictions {
    Checks.checkArgument(ids.size() == truth.length && truth.length == predicted.length
        && predicted.length == rank.length && rank.length == topCodes.length
        && topCodes.length == topProbabilities.length, "predictions: %s ids, %s truths, %s predictions, %s ranks,"
        + " %s top codes and %s top probabilities differ", ids.size(), truth.length, predicted.length, rank.length,
        topCodes.length, topProbabilities.length);
    ids = List.copyOf(ids);
    labels = Set.copyOf(labels);
  }

  public int size() {
    return truth.length;
  }
}

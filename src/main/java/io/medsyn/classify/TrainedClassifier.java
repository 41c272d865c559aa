package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted classifier: its text steps and fitted MLlib stages from terms to probabilities, the codes it knows (in
 * label-index order) and their prior, the settings it was fitted with, how long fitting took, and whether the solver
 * converged.
 *
 * @param logPrior per label, ln π_c: the code's add-one-smoothed share of the real training notes (uniform without
 *     any), which {@link FitSettings#priorShift} ranks by
 * @param iterations the solver's iterations (for one-vs-rest, the passes of the slowest class)
 */
public record TrainedClassifier(List<Transformer> termStages, List<Transformer> stages, List<String> labels,
    double[] logPrior, FitSettings settings, double trainSeconds, int iterations, int maxIter, boolean converged) {
  /** How many of the most probable codes {@link Predictions} keeps per note. */
  public static final int TOP = 5;

  public TrainedClassifier {
    termStages = List.copyOf(termStages);
    stages = List.copyOf(stages);
    labels = List.copyOf(labels);
  }

  /** Scores notes with columns {@code id, text, code}. */
  public Predictions predict(Dataset<Row> notes) {
    return predictTerms(IcdClassifier.transform(notes, termStages));
  }

  /**
   * Scores notes with columns {@code id, code} and the terms {@link IcdClassifier#terms} computed, ranked under the
   * settings' prior shift.
   */
  public Predictions predictTerms(Dataset<Row> terms) {
    return probabilities(terms).ranked(settings.priorShift());
  }

  /** Every code's probability for notes with columns {@code id, code} and the terms computed, in id order. */
  public ClassProbabilities probabilities(Dataset<Row> terms) {
    List<Row> rows = IcdClassifier.transform(terms.select("id", "code", TextFeatures.TERMS), stages)
        .select(col("id"), col("code"), col(IcdClassifier.PROBABILITY)).orderBy("id").collectAsList();
    List<String> ids = new ArrayList<>(rows.size());
    String[] truth = new String[rows.size()];
    double[][] probabilities = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ids.add(row.getString(0));
      truth[i] = row.getString(1);
      probabilities[i] = ((Vector) row.getAs(2)).toArray();
    }
    return new ClassProbabilities(ids, truth, labels, probabilities, logPrior);
  }
}

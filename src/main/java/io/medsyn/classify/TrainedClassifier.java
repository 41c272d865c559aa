package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted classifier: its text steps and fitted MLlib stages from terms to probabilities, the codes it knows (in
 * label-index order), the settings it was fitted with, how long fitting took, and whether the solver converged.
 *
 * @param iterations the solver's iterations (for one-vs-rest, the passes of the slowest class)
 */
public record TrainedClassifier(List<Transformer> termStages, List<Transformer> stages, List<String> labels,
    FitSettings settings, double trainSeconds, int iterations, int maxIter, boolean converged) {
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
   * Scores notes with columns {@code id, code} and the terms {@link IcdClassifier#terms} computed. A note whose code
   * the training data never saw keeps its place with rank {@link Predictions#UNSEEN}, so that unseen codes are
   * counted, not dropped.
   */
  public Predictions predictTerms(Dataset<Row> terms) {
    Dataset<Row> ranked = IcdClassifier.transform(terms.select("id", "code", TextFeatures.TERMS), stages)
        .select(col("id"), col("code"), col(IcdClassifier.PREDICTION).cast("int").as("predicted"),
            rank(col(IcdClassifier.PROBABILITY), col(IcdClassifier.LABEL), labels.size()).as("rank"),
            col(IcdClassifier.PROBABILITY))
        .orderBy("id");
    List<Row> rows = ranked.collectAsList();
    int n = rows.size();
    List<String> ids = new ArrayList<>(n);
    String[] truth = new String[n];
    String[] predicted = new String[n];
    int[] rank = new int[n];
    String[][] topCodes = new String[n][];
    double[][] topProbabilities = new double[n][];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      ids.add(row.getString(0));
      truth[i] = row.getString(1);
      predicted[i] = labels.get(row.getInt(2));
      rank[i] = row.getInt(3) >= labels.size() ? Predictions.UNSEEN : row.getInt(3);
      double[] p = ((Vector) row.getAs(4)).toArray();
      // Ties keep the smaller index first, as the rank does, so that top[0] is the prediction.
      int[] top = IntStream.range(0, labels.size()).boxed()
          .sorted(Comparator.<Integer>comparingDouble(j -> -p[j]).thenComparingInt(j -> j))
          .limit(TOP).mapToInt(Integer::intValue).toArray();
      topCodes[i] = IntStream.of(top).mapToObj(labels::get).toArray(String[]::new);
      topProbabilities[i] = IntStream.of(top).mapToDouble(j -> p[j]).toArray();
    }
    return new Predictions(ids, truth, predicted, rank, Set.copyOf(labels), topCodes, topProbabilities);
  }

  /**
   * The 0-based rank of the true label in a probability vector: labels strictly more probable, plus equally
   * probable ones with a smaller index, so that rank 0 is exactly MLlib's argmax. A label index at or past
   * {@code known} (a code the model never saw) ranks {@code known}: a miss at every k.
   */
  static Column rank(Column probability, Column label, int known) {
    Column p = functions.vector_to_array(probability, "float64");
    Column y = label.cast("int");
    return when(y.geq(known), lit(known)).otherwise(size(filter(sequence(lit(0), lit(known - 1)),
        j -> p.apply(j).gt(p.apply(y)).or(p.apply(j).equalTo(p.apply(y)).and(j.lt(y)))))).cast("int");
  }
}

package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted classifier: its MLlib stages from text to probabilities, the codes it knows (in label-index order), the regularisation it was
 * fitted with and how long fitting took.
 *
 * @param cvAccuracy mean cross-validated Hit@1 on the training data of each candidate L2 strength (empty when only
 *     one was configured)
 */
public record TrainedClassifier(List<Transformer> stages, List<String> labels, double regParam, double trainSeconds,
    Map<Double, Double> cvAccuracy) {
  public TrainedClassifier {
    stages = List.copyOf(stages);
    labels = List.copyOf(labels);
    cvAccuracy = Map.copyOf(cvAccuracy);
  }

  /**
   * Scores notes with columns {@code id, text, code}. A note whose code the training data never saw keeps its place
   * with rank {@link Predictions#UNSEEN}, so that unseen codes are counted, not dropped.
   */
  public Predictions predict(Dataset<Row> notes) {
    Dataset<Row> ranked = IcdClassifier.transform(notes, stages)
        .select(col("id"), col("code"), col(IcdClassifier.PREDICTION).cast("int").as("predicted"),
            rank(col(IcdClassifier.PROBABILITY), col(IcdClassifier.LABEL), labels.size()).as("rank"))
        .orderBy("id");
    List<Row> rows = ranked.collectAsList();
    List<String> ids = new ArrayList<>(rows.size());
    String[] truth = new String[rows.size()];
    String[] predicted = new String[rows.size()];
    int[] rank = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ids.add(row.getString(0));
      truth[i] = row.getString(1);
      predicted[i] = labels.get(row.getInt(2));
      rank[i] = row.getInt(3) >= labels.size() ? Predictions.UNSEEN : row.getInt(3);
    }
    return new Predictions(ids, truth, predicted, rank, Set.copyOf(labels));
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

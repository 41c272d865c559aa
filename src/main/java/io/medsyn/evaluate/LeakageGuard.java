package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Refuses an experiment in which evaluation notes could reach training: a synthetic note generated with an
 * evaluation note as its style example (its wording would reach the classifier through the synthetic data), or an
 * evaluation note that is also a training note (the same note id in both splits).
 */
public final class LeakageGuard {
  static final int SHOWN = 20;

  private LeakageGuard() {}

  /**
   * Throws {@link LeakageException} naming the evaluation note ids that synthetic notes (column {@code example_id})
   * used as examples.
   */
  public static void check(Dataset<Row> synthetic, Dataset<Row> eval) {
    Dataset<Row> leaked = synthetic.select(col("example_id").as("id")).where(col("id").isNotNull()).distinct()
        .join(eval.select("id"), "id").orderBy("id");
    List<String> ids = leaked.limit(SHOWN).collectAsList().stream().map(r -> r.getString(0)).toList();
    if (!ids.isEmpty()) {
      long total = leaked.count();
      throw new LeakageException(total + " evaluation note(s) served as style examples of synthetic notes: "
          + ids.stream().collect(Collectors.joining(", ")) + (total > ids.size() ? ", ..." : "")
          + ". Generate from a training split only (sample.examples.path), or evaluate on a split that excludes"
          + " these notes (evaluate.eval.path).");
    }
  }

  /**
   * Throws {@link LeakageException} naming the evaluation notes that are also training notes (same id). Model
   * selection and every fit see the training notes only, so this keeps the evaluation split out. Equal texts
   * under different ids are allowed: short real complaints repeat.
   */
  public static void checkDisjoint(Dataset<Row> train, Dataset<Row> eval) {
    Dataset<Row> shared = eval.select("id").join(train.select("id"), "id").distinct().orderBy("id");
    List<String> ids = shared.limit(SHOWN).collectAsList().stream().map(r -> r.getString(0)).toList();
    if (!ids.isEmpty()) {
      long total = shared.count();
      throw new LeakageException(total + " evaluation note(s) are also training notes (same id): "
          + String.join(", ", ids) + (total > ids.size() ? ", ..." : "") + ". Remove them from one of"
          + " evaluate.train.path and evaluate.eval.path.");
    }
  }
}

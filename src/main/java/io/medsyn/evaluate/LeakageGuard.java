package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Refuses an experiment in which a synthetic note was generated with an evaluation note as its style example: that
 * note's wording would reach the classifier through the synthetic data and inflate the scores.
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
}

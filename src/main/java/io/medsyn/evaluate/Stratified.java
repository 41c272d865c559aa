package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import io.medsyn.Checks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Seeded, stratified choices of notes (columns {@code id, code, ...}): within each code, notes are ordered by a hash
 * of (seed, id), so a choice depends only on the seed and the notes, never on partitioning, and each code keeps its
 * share.
 */
public final class Stratified {
  private Stratified() {}

  /**
   * {@code round(fraction × n)} notes of each code of n notes, at least one per code unless {@code fraction} is 0.
   * Fraction 1 keeps every note.
   */
  public static Dataset<Row> sample(Dataset<Row> notes, double fraction, long seed) {
    Checks.checkArgument(fraction >= 0 && fraction <= 1, "sample fraction: expected a number in [0, 1], got %s",
        fraction);
    if (fraction == 1) {
      return notes;
    }
    if (fraction == 0) {
      return notes.limit(0);
    }
    return ranked(notes, seed)
        .where(col("r__").leq(greatest(lit(1), round(col("n__").multiply(fraction)))))
        .drop("r__", "n__");
  }

  /**
   * Holds out {@code round(fraction × n)} notes of each code of n notes; returns {training, held out}. A code with
   * too few notes to hold one out stays wholly in training.
   */
  @SuppressWarnings("unchecked")
  public static Dataset<Row>[] split(Dataset<Row> notes, double fraction, long seed) {
    Checks.checkArgument(fraction > 0 && fraction < 1, "split fraction: expected a number in (0, 1), got %s",
        fraction);
    Dataset<Row> ranked = ranked(notes, seed);
    Column heldOut = col("r__").leq(round(col("n__").multiply(fraction)));
    return new Dataset[] {ranked.where(not(heldOut)).drop("r__", "n__"),
        ranked.where(heldOut).drop("r__", "n__")};
  }

  /** Adds an integer column {@code fold} in [0, k): each code's notes are dealt round the folds in hash order. */
  public static Dataset<Row> folds(Dataset<Row> notes, int k, long seed) {
    Checks.checkArgument(k >= 2, "folds: expected k >= 2, got %s", k);
    return ranked(notes, seed).withColumn("fold", pmod(col("r__").minus(1), lit(k)).cast("int"))
        .drop("r__", "n__");
  }

  private static Dataset<Row> ranked(Dataset<Row> notes, long seed) {
    WindowSpec byCode = Window.partitionBy("code");
    return notes.withColumn("r__", row_number().over(byCode.orderBy(xxhash64(lit(seed), col("id")), col("id"))))
        .withColumn("n__", count(lit(1)).over(byCode));
  }}

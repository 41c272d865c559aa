package io.medsyn.quality;

import static org.apache.spark.sql.functions.col;

import io.medsyn.classify.TextFeatures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A word that gives the synthetic notes away: its share of the synthetic notes differs from its share of the real
 * ones. The discriminator says how well the notes can be told apart; these say what to change in the generator
 * ("до" in 18 % of RuMedTop3's notes and 2.5 % of ours: they lack the values and durations patients give).
 *
 * @param word the word form (case and ё folded, as {@link TextFeatures#wordsSql} splits words)
 * @param realShare share of the real notes that contain it
 * @param syntheticShare share of the synthetic notes that contain it
 */
public record WordTell(String word, double realShare, double syntheticShare) implements Serializable {
  /** How many words of each kind, over-used and under-used, a corpus's tells name. */
  static final int PER_KIND = 10;

  /** Whether the synthetic notes use the word more often than the real ones. */
  public boolean overUsed() {
    return syntheticShare > realShare;
  }

  /**
   * The {@link #PER_KIND} words the synthetic notes over-use most, by the gap in share, then the {@code PER_KIND} they
   * under-use most. A word of 1 to {@code minRealNotes} − 1 real notes is never named: it could point at a patient.
   *
   * @param real the real training notes' {@link WordForms#notesPerForm}
   * @param realNotes how many real notes those are
   * @param synthetic the synthetic notes' {@link WordForms#notesPerForm}
   * @param syntheticNotes how many synthetic notes those are
   * @param minRealNotes k of the privacy rule ({@code style.min_real_notes})
   */
  static List<WordTell> of(Dataset<Row> real, long realNotes, Dataset<Row> synthetic, long syntheticNotes,
      int minRealNotes) {
    if (realNotes == 0 || syntheticNotes == 0) {
      return List.of();
    }
    Dataset<Row> shares = real.withColumnRenamed("notes", "real")
        .join(synthetic.withColumnRenamed("notes", "synthetic"), "form", "full_outer").na().fill(0L)
        .filter(col("real").equalTo(0).or(col("real").geq(minRealNotes)))
        .select(col("form"), col("real").divide((double) realNotes).as("real_share"),
            col("synthetic").divide((double) syntheticNotes).as("synthetic_share"))
        .withColumn("gap", col("synthetic_share").minus(col("real_share")))
        .localCheckpoint();
    List<WordTell> tells = new ArrayList<>();
    tells.addAll(top(shares.filter(col("gap").gt(0)), col("gap").desc()));
    tells.addAll(top(shares.filter(col("gap").lt(0)), col("gap").asc()));
    return List.copyOf(tells);
  }

  /** The first {@link #PER_KIND} by {@code order}, ties broken by the word so that reruns name the same ones. */
  private static List<WordTell> top(Dataset<Row> shares, Column order) {
    return shares.orderBy(order, col("form")).limit(PER_KIND).collectAsList().stream()
        .map(r -> new WordTell(r.getString(0), r.getDouble(1), r.getDouble(2))).toList();
  }
}

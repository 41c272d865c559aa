package io.medsyn.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.medsyn.Hashes;
import io.medsyn.config.NearDuplicateConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Near-duplicate notes: MinHash LSH (Spark MLlib's {@link MinHashLSH}) over the character shingles of each note's
 * text with the boilerplate stripped, banded (see {@link NearDuplicateConfig}), then the exact Jaccard similarity
 * of each candidate pair. Of two near-duplicates the one ranked later is marked: a note failing other checks ranks
 * after one passing them, then by note_id.
 */
public final class NearDuplicates {
  static final RejectReason NEAR_DUPLICATE = new RejectReason("near_duplicate",
      "nearly the same text, boilerplate aside, as a note that is kept");
  /** Enough hash buckets that shingle collisions barely move the Jaccard similarity of notes of a few pages. */
  private static final int FEATURES = 1 << 20;

  private final NearDuplicateConfig config;
  private final long seed;

  public NearDuplicates(NearDuplicateConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  /**
   * The notes that are near-duplicates of another.
   *
   * @param notes {@code note_id}, {@code bad} (fails another check) and {@code stripped} (the text without
   *     boilerplate, not empty) of the notes to compare
   * @return {@code note_id}, {@code near_duplicate_of} (the most similar note ranked before it) and
   *     {@code near_duplicate_similarity}
   */
  public Dataset<Row> find(Dataset<Row> notes) {
    // Identical stripped texts need no hashing, and would crowd one LSH bucket with all their pairs.
    Column keeper = first("note_id").over(Window.partitionBy("stripped").orderBy(col("bad"), col("note_id")));
    Dataset<Row> ranked = notes.withColumn("keeper", keeper).localCheckpoint();
    Dataset<Row> identical = ranked.filter(col("keeper").notEqual(col("note_id")))
        .select(col("note_id").as("loser"), col("keeper").as("winner"), lit(1.0).as("similarity"));
    Dataset<Row> similar = orient(pairs(ranked.filter(col("keeper").equalTo(col("note_id")))
        .select("note_id", "bad", "stripped")));
    return identical.unionByName(similar)
        .groupBy("loser")
        .agg(max(struct(col("similarity"), col("winner"))).as("best"))
        .select(col("loser").as("note_id"), col("best.winner").as("near_duplicate_of"),
            col("best.similarity").as("near_duplicate_similarity"));
  }

  /**
   * The LSH self-join: pairs {@code a < b} (by note_id) whose shingle sets have at least the configured Jaccard
   * similarity, with both notes' {@code bad} flags.
   */
  public Dataset<Row> pairs(Dataset<Row> notes) {
    int chars = config.shingleChars();
    UserDefinedFunction shingles = udf((UDF1<String, List<String>>) text -> Boilerplate.shingles(text, chars),
        DataTypes.createArrayType(DataTypes.StringType, false));
    Dataset<Row> features = new HashingTF().setInputCol("shingles").setOutputCol("features")
        .setNumFeatures(FEATURES).setBinary(true)
        .transform(notes.withColumn("shingles", shingles.apply(col("stripped"))));
    MinHashLSH lsh = new MinHashLSH().setNumHashTables(config.hashes()).setInputCol("features")
        .setOutputCol("hashes").setSeed(seed);
    Dataset<Row> hashed = lsh.fit(features).transform(features).select(col("note_id"), col("bad"),
        col("features"), bands().apply(col("hashes")).as("bands")).localCheckpoint();
    Dataset<Row> buckets = hashed.select(col("note_id"), posexplode(col("bands")).as(new String[] {"band", "key"}));
    Dataset<Row> candidates = buckets.as("a").join(buckets.as("b"), col("a.band").equalTo(col("b.band"))
            .and(col("a.key").equalTo(col("b.key"))).and(col("a.note_id").lt(col("b.note_id"))))
        .select(col("a.note_id").as("a"), col("b.note_id").as("b"))
        .distinct();
    Dataset<Row> side = hashed.select("note_id", "bad", "features");
    return candidates
        .join(side.toDF("a", "a_bad", "a_features"), "a")
        .join(side.toDF("b", "b_bad", "b_features"), "b")
        .withColumn("similarity", jaccard().apply(col("a_features"), col("b_features")))
        .filter(col("similarity").geq(config.minSimilarity()))
        .select("a", "b", "a_bad", "b_bad", "similarity");
  }

  /** Each pair as (loser, winner): the note failing other checks loses, else the larger note_id. */
  private static Dataset<Row> orient(Dataset<Row> pairs) {
    Column aLoses = col("a_bad").and(col("b_bad").unary_$bang()).or(col("a_bad").equalTo(col("b_bad"))
        .and(col("a").gt(col("b"))));
    return pairs.select(when(aLoses, col("a")).otherwise(col("b")).as("loser"),
        when(aLoses, col("b")).otherwise(col("a")).as("winner"), col("similarity"));
  }

  /** One key per band: a 64-bit mix of the band's index and its rows' MinHash values. */
  private UserDefinedFunction bands() {
    int rows = config.rowsPerBand();
    return udf((UDF1<scala.collection.Seq<Vector>, List<Long>>) hashes -> {
      List<Long> keys = new ArrayList<>(hashes.size() / rows);
      for (int band = 0; band * rows < hashes.size(); band++) {
        long key = band;
        for (int row = band * rows; row < (band + 1) * rows; row++) {
          key = Hashes.splitMix(key * 31 + (long) hashes.apply(row).apply(0));
        }
        keys.add(key);
      }
      return keys;
    }, DataTypes.createArrayType(DataTypes.LongType, false));
  }

  /** Jaccard similarity of two binary sparse vectors (sorted indices, as HashingTF writes them). */
  private static UserDefinedFunction jaccard() {
    return udf((UDF2<Vector, Vector, Double>) (a, b) -> {
      int[] x = ((SparseVector) a).indices();
      int[] y = ((SparseVector) b).indices();
      int i = 0;
      int j = 0;
      int shared = 0;
      while (i < x.length && j < y.length) {
        if (x[i] == y[j]) {
          shared++;
          i++;
          j++;
        } else if (x[i] < y[j]) {
          i++;
        } else {
          j++;
        }
      }
      int union = x.length + y.length - shared;
      return union == 0 ? 0.0 : shared / (double) union;
    }, DataTypes.DoubleType);
  }
}

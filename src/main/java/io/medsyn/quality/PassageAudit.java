package io.medsyn.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import io.medsyn.classify.TextFeatures;
import io.medsyn.config.Range;
import io.medsyn.table.QualitySchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The privacy audit: for each synthetic note, the longest run of words it shares with one real note of the training
 * corpus, counting only runs that fewer than {@code minRealNotes} real notes contain, and that real note.
 *
 * <p>A run is found through its {@code shingleWords}-word shingles: the shingles of the real notes are counted by
 * distinct real note, those in {@code minRealNotes} or more are dropped, and the rest are joined to the synthetic
 * notes' shingles. Each match is then extended word by word in both notes, so the run reported is the whole shared
 * passage around a rare shingle. A passage holding a rare shingle is itself rare (no more real notes contain it than
 * contain its rarest piece); a passage whose every shingle is common is not reported, as it is built from phrasing
 * that many patients share. Only pairs sharing a rare shingle are compared: no note-by-note comparison.
 */
public final class PassageAudit {
  static final RejectReason COPIES_REAL_PASSAGE = new RejectReason("copies_real_passage", "shares a passage of at"
      + " least quality.real_passage_words words with a real training note, a passage fewer than"
      + " style.min_real_notes real notes contain: it could identify that patient");

  private final int shingleWords;
  private final int minRealNotes;

  /**
   * @param shingleWords the shortest run reported, in words
   * @param minRealNotes a shingle in this many distinct real notes or more is common phrasing, not a patient's
   */
  public PassageAudit(int shingleWords, int minRealNotes) {
    this.shingleWords = shingleWords;
    this.minRealNotes = minRealNotes;
  }

  /**
   * The notes that share a rare passage with a real note.
   *
   * @param notes {@code note_id} and {@code text} of the synthetic notes (rows without text are skipped)
   * @param real {@code id} and {@code text} of the real training notes
   * @return {@code note_id}, {@link QualitySchema#REAL_PASSAGE_WORDS} (at least {@code shingleWords}) and
   *     {@link QualitySchema#REAL_PASSAGE_ID} (of the longest run; of two equally long, the smaller id), one row
   *     per note that shares a rare passage
   */
  public Dataset<Row> find(Dataset<Row> notes, Dataset<Row> real) {
    Dataset<Row> noteWords = notes.filter(col("text").isNotNull())
        .select(col("note_id"), expr(TextFeatures.wordsSql("text")).as("note_words"));
    Dataset<Row> realWords = real.filter(col("text").isNotNull())
        .select(col("id").cast("string").as("real_id"), expr(TextFeatures.wordsSql("text")).as("real_words"));

    Dataset<Row> realShingles = shingles(realWords, "real_id", "real_words", "real_at");
    Dataset<Row> rareKeys = realShingles.groupBy("key").agg(count_distinct(col("real_id")).as("real_notes"))
        .filter(col("real_notes").lt(minRealNotes));
    Dataset<Row> rare = realShingles.join(rareKeys, realShingles.col("key").equalTo(rareKeys.col("key")),
        "left_semi");
    Dataset<Row> matches = shingles(noteWords, "note_id", "note_words", "note_at").join(rare, "key")
        .groupBy("note_id", "real_id")
        .agg(collect_list(struct(col("note_at"), col("real_at"))).as("matches"));

    int m = shingleWords;
    UserDefinedFunction run = udf((UDF3<scala.collection.Seq<String>, scala.collection.Seq<String>,
        scala.collection.Seq<Row>, Integer>) (note, other, at) -> longestRun(
            CollectionConverters.asJava(note), CollectionConverters.asJava(other), CollectionConverters.asJava(at),
            m), DataTypes.IntegerType).asNonNullable();
    return matches.join(noteWords, "note_id").join(realWords, "real_id")
        .select(col("note_id"), col("real_id"), run.apply(col("note_words"), col("real_words"), col("matches"))
            .as("run"))
        .filter(col("run").geq(shingleWords))
        .groupBy("note_id")
        // The longest run first, then the smaller real id, so that reruns name the same note.
        .agg(min_by(struct(col("run"), col("real_id")), struct(negate(col("run")), col("real_id"))).as("best"))
        .select(col("note_id"), col("best.run").as(QualitySchema.REAL_PASSAGE_WORDS),
            col("best.real_id").as(QualitySchema.REAL_PASSAGE_ID));
  }

  /** One row per shingle of each note: the id, the shingle's first word (0-based) and a hash of its words. */
  private Dataset<Row> shingles(Dataset<Row> notes, String id, String words, String at) {
    String grams = TextFeatures.wordNgramsSql(words, new Range(shingleWords, shingleWords));
    return notes.select(col(id), posexplode(expr(grams)).as(new String[] {at, "gram"}))
        .select(col(id), col(at), xxhash64(col("gram")).as("key"));
  }

  /**
   * The longest run of words shared by {@code note} and {@code real} through one of the {@code matches}
   * ({@code note_at}, {@code real_at}): each match is checked word by word (a hash collision is no match) and
   * extended to both sides as far as the words agree; 0 when no match holds.
   */
  static int longestRun(List<String> note, List<String> real, List<Row> matches, int shingleWords) {
    int longest = 0;
    for (Row match : matches) {
      int i = match.getInt(0);
      int j = match.getInt(1);
      if (!note.subList(i, i + shingleWords).equals(real.subList(j, j + shingleWords))) {
        continue;
      }
      int start = 0;
      while (i - start > 0 && j - start > 0 && note.get(i - start - 1).equals(real.get(j - start - 1))) {
        start++;
      }
      int end = shingleWords;
      while (i + end < note.size() && j + end < real.size() && note.get(i + end).equals(real.get(j + end))) {
        end++;
      }
      longest = Math.max(longest, start + end);
    }
    return longest;
  }
}

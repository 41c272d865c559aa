package io.medsyn.table;

import java.util.Arrays;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns the quality stage adds to each note ({@code data-schema/quality_notes.schema.json}) and the summary
 * table ({@code data-schema/quality_summary.schema.json}).
 */
public final class QualitySchema {
  private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
  /** The longest rare passage a note shares with one real training note, in words, and that note's id. */
  public static final String REAL_PASSAGE_WORDS = "real_passage_words";
  public static final String REAL_PASSAGE_ID = "real_passage_id";

  /** Scores of one note on its own; all null for a note without text. */
  public static final StructType NOTE_SCORES = new StructType()
      .add("char_count", DataTypes.IntegerType, true)
      .add("script_share", DataTypes.DoubleType, true)
      .add("symptom_coverage", DataTypes.DoubleType, true)
      .add("symptoms_missing", STRINGS, true)
      .add("leak_score", DataTypes.DoubleType, true)
      .add("leak_terms", STRINGS, true)
      .add("copy_share", DataTypes.DoubleType, true)
      .add("refusal_match", DataTypes.StringType, true);

  /** Scores against the rest of the corpus, and the verdict. */
  public static final StructType CORPUS_SCORES = new StructType()
      .add("duplicate_of", DataTypes.StringType, true)
      .add("near_duplicate_of", DataTypes.StringType, true)
      .add("near_duplicate_similarity", DataTypes.DoubleType, true)
      .add(REAL_PASSAGE_WORDS, DataTypes.IntegerType, true)
      .add(REAL_PASSAGE_ID, DataTypes.StringType, true)
      .add("quality_pass", DataTypes.BooleanType, false)
      .add("reject_reasons", STRINGS, false);

  /** Every column the stage adds, in order, after the notes' own columns. */
  public static final StructType SCORES = concat(NOTE_SCORES, CORPUS_SCORES);

  /**
   * The realism figures ({@code quality.Realism}) against the real training notes, on the summary's total row only; null
   * there too when no real training corpus is configured.
   */
  public static final StructType REALISM = new StructType()
      .add("real_notes", DataTypes.LongType, true)
      .add("discriminator_notes", DataTypes.IntegerType, true)
      .add("discriminator_auc", DataTypes.DoubleType, true)
      .add("discriminator_auc_sd", DataTypes.DoubleType, true)
      .add("real_median_chars", DataTypes.DoubleType, true)
      .add("synthetic_median_chars", DataTypes.DoubleType, true)
      .add("median_length_ratio", DataTypes.DoubleType, true)
      .add("length_ks", DataTypes.DoubleType, true)
      .add("real_word_forms", DataTypes.LongType, true)
      .add("vocabulary_coverage", DataTypes.DoubleType, true);

  /** One row per code and one (code null) for the whole corpus; a note counts once under each of its reasons. */
  public static final StructType SUMMARY = concat(new StructType()
      .add("code", DataTypes.StringType, true)
      .add("notes", DataTypes.LongType, false)
      .add("passed", DataTypes.LongType, false)
      .add("rejected", DataTypes.LongType, false)
      .add("reasons", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
      .add("longest_real_passage", DataTypes.IntegerType, true), REALISM);

  private QualitySchema() {}

  /** The scored notes: the notes' columns, then {@link #SCORES}. */
  public static StructType scored(StructType notes) {
    return concat(notes, SCORES);
  }

  public static StructType concat(StructType first, StructType second) {
    StructField[] fields = Arrays.copyOf(first.fields(), first.fields().length + second.fields().length);
    System.arraycopy(second.fields(), 0, fields, first.fields().length, second.fields().length);
    return new StructType(fields);
  }
}

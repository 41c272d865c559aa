package io.medsyn.table;

import java.util.Arrays;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The quality stage's tables: {@code quality/notes} ({@code data-schema/quality_notes.schema.json}) is the notes'
 * columns, then the columns of the per-note checks (each check declares its own; the stage passes them to
 * {@link #checked}), then {@link #CORPUS_CHECKS}. The summary table is {@link #SUMMARY}
 * ({@code data-schema/quality_summary.schema.json}).
 */
public final class QualitySchema {
  private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
  /** The longest rare passage a note shares with one real training note, in words, and that note's id. */
  public static final String REAL_PASSAGE_WORDS = "real_passage_words";
  public static final String REAL_PASSAGE_ID = "real_passage_id";

  /** Checks against the rest of the corpus, and the verdict. */
  public static final StructType CORPUS_CHECKS = new StructType()
      .add("duplicate_of", DataTypes.StringType, true)
      .add("near_duplicate_of", DataTypes.StringType, true)
      .add("near_duplicate_similarity", DataTypes.DoubleType, true)
      .add(REAL_PASSAGE_WORDS, DataTypes.IntegerType, true)
      .add(REAL_PASSAGE_ID, DataTypes.StringType, true)
      .add("quality_pass", DataTypes.BooleanType, false)
      .add("reject_reasons", STRINGS, false);

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
      .add("vocabulary_coverage", DataTypes.DoubleType, true)
      .add("tells", DataTypes.createArrayType(new StructType()
          .add("word", DataTypes.StringType, false)
          .add("real_share", DataTypes.DoubleType, false)
          .add("synthetic_share", DataTypes.DoubleType, false), false), true);

  /** One row per code and one (code null) for the whole corpus; a note counts once under each of its reasons. */
  public static final StructType SUMMARY = concat(new StructType()
      .add("code", DataTypes.StringType, true)
      .add("notes", DataTypes.LongType, false)
      .add("passed", DataTypes.LongType, false)
      .add("rejected", DataTypes.LongType, false)
      .add("reasons", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
      .add("longest_real_passage", DataTypes.IntegerType, true), REALISM);

  private QualitySchema() {}

  /** The checked notes: the notes' columns, the per-note checks' columns, then {@link #CORPUS_CHECKS}. */
  public static StructType checked(StructType notes, StructType noteChecks) {
    return concat(concat(notes, noteChecks), CORPUS_CHECKS);
  }

  public static StructType concat(StructType first, StructType second) {
    StructField[] fields = Arrays.copyOf(first.fields(), first.fields().length + second.fields().length);
    System.arraycopy(second.fields(), 0, fields, first.fields().length, second.fields().length);
    return new StructType(fields);
  }
}

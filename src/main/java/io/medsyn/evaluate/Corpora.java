package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;

import io.medsyn.mkg.Icd10;
import io.medsyn.table.NoteSchema;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The corpora of an experiment in one form, {@code id, text, code, example_id}, with codes cut to the label depth:
 * real corpora as {@link io.medsyn.corpus.CorpusReader} reads them, and the generation stage's notes table (only
 * notes that were generated, and passed the quality stage when it has run).
 */
public final class Corpora {
  /** The form every corpus is brought to. */
  public static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("code", DataTypes.StringType).add("example_id", DataTypes.StringType);

  private Corpora() {}

  /** A real corpus (id, text, code) at {@code depth}; rows without text or code are refused, naming the corpus. */
  public static Dataset<Row> real(Dataset<Row> corpus, String name, int depth) {
    Dataset<Row> bad = corpus.where(col("id").isNull().or(col("text").isNull()).or(col("code").isNull())
        .or(trim(col("code")).equalTo("")));
    List<Row> shown = bad.limit(5).collectAsList();
    if (!shown.isEmpty()) {
      throw new IllegalArgumentException(name + ": " + bad.count() + " row(s) lack an id, text or code, e.g. "
          + shown + "; fix or drop them, or point the column settings at the right columns");
    }
    return corpus.select(col("id"), col("text"), atDepth(col("code"), depth).as("code"),
        lit(null).cast("string").as("example_id"));
  }

  /**
   * Usable synthetic notes from the notes table: status {@code ok} with text, and {@code quality_pass} when that
   * column exists. Below category depth, a note's {@code subcode} is its label when it has one.
   */
  public static Dataset<Row> notes(Dataset<Row> notes, int depth) {
    List<String> columns = Arrays.asList(notes.columns());
    for (String required : List.of("note_id", "code", "text", "status")) {
      if (!columns.contains(required)) {
        throw new IllegalArgumentException("notes table: has no column '" + required + "'; its columns are "
            + columns + ". Point evaluate.synthetic at the generation stage's notes, or set evaluate.synthetic"
            + ".format to jsonl, csv or parquet for another corpus");
      }
    }
    Column usable = col("status").equalTo(NoteSchema.OK).and(col("text").isNotNull());
    if (columns.contains("quality_pass")) {
      usable = usable.and(col("quality_pass").equalTo(true));
    }
    Column code = depth > 3 && columns.contains("subcode") ? coalesce(col("subcode"), col("code")) : col("code");
    Column example = columns.contains("example_id") ? col("example_id").cast("string")
        : lit(null).cast("string");
    return notes.where(usable).select(col("note_id").cast("string").as("id"), col("text"),
        atDepth(code, depth).as("code"), example.as("example_id"));
  }

  /** Another corpus used as synthetic data (no example ids to check). */
  public static Dataset<Row> other(Dataset<Row> corpus, int depth) {
    return corpus.where(col("text").isNotNull().and(col("code").isNotNull())).select(col("id"), col("text"),
        atDepth(col("code"), depth).as("code"), lit(null).cast("string").as("example_id"));
  }

  private static Column atDepth(Column code, int depth) {
    UserDefinedFunction cut = udf((UDF1<String, String>) c -> Icd10.atDepth(c.trim(), depth), DataTypes.StringType);
    return cut.apply(code);
  }
}

package io.medsyn.quality;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;

import io.medsyn.classify.TextFeatures;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Word forms counted by notes, the one count that vocabulary coverage and the tells share. */
final class WordForms {
  private WordForms() {}

  /**
   * Columns {@code form} (case and ё folded, as {@link TextFeatures#wordsSql} splits words) and {@code notes}, the
   * number of notes that contain it: a note counts once however often it repeats the form.
   *
   * @param notes {@code text}, one row per note
   */
  static Dataset<Row> notesPerForm(Dataset<Row> notes) {
    return notes.select(explode(array_distinct(expr(TextFeatures.wordsSql("text")))).as("form"))
        .groupBy("form").count().withColumnRenamed("count", "notes");
  }
}

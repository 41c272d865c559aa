package io.medsyn.quality;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;

import io.medsyn.classify.TextFeatures;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How much of the real notes' vocabulary the synthetic notes use: of the word forms (case and ё folded) found in at
 * least {@link #MIN_REAL_NOTES} real notes, the share that appear in at least one synthetic note. A form of one real
 * note is a typo or a name as often as a word, so it is left out.
 */
record VocabularyCoverage(long realForms, long covered) {
  static final int MIN_REAL_NOTES = 2;

  double share() {
    return realForms == 0 ? 0 : (double) covered / realForms;
  }

  /**
   * @param real {@code id} and {@code text} of the real notes
   * @param synthetic {@code text} of the synthetic notes
   */
  static VocabularyCoverage of(Dataset<Row> real, Dataset<Row> synthetic) {
    Dataset<Row> forms = real.select(col("id"), explode(array_distinct(expr(TextFeatures.wordsSql("text"))))
            .as("form"))
        .groupBy("form").agg(count_distinct(col("id")).as("real_notes"))
        .filter(col("real_notes").geq(MIN_REAL_NOTES)).select("form")
        .localCheckpoint();
    Dataset<Row> used = synthetic.select(explode(expr(TextFeatures.wordsSql("text"))).as("form")).distinct();
    return new VocabularyCoverage(forms.count(), forms.join(used, forms.col("form").equalTo(used.col("form")),
        "left_semi").count());
  }
}

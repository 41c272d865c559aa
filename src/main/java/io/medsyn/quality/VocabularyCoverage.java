package io.medsyn.quality;

import static org.apache.spark.sql.functions.col;

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
   * @param real the real notes' {@link WordForms#notesPerForm}
   * @param synthetic the synthetic notes' {@link WordForms#notesPerForm}
   */
  static VocabularyCoverage of(Dataset<Row> real, Dataset<Row> synthetic) {
    Dataset<Row> forms = real.filter(col("notes").geq(MIN_REAL_NOTES)).select("form");
    return new VocabularyCoverage(forms.count(), forms.join(synthetic.select("form"), "form").count());
  }
}

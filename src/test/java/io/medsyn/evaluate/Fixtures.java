package io.medsyn.evaluate;

import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Small corpora for the evaluate stage's tests: three codes with their own vocabulary, so that a classifier can
 * learn them from a few notes, and the generation stage's notes table written as Parquet.
 */
final class Fixtures {
  static final String[][] VOCABULARY = {
      {"J06", "кашель насморк першение в горле температура"},
      {"M54", "боль в пояснице отдает в ногу спина"},
      {"G43", "головная боль пульсирующая мигрень светобоязнь"},
      {"K29", "изжога боль в эпигастрии после еды тошнота"}};
  static final StructType NOTES = new StructType().add("note_id", DataTypes.StringType)
      .add("code", DataTypes.StringType).add("subcode", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("status", DataTypes.StringType).add("example_id", DataTypes.StringType)
      .add("language", DataTypes.StringType).add("quality_pass", DataTypes.BooleanType);

  private Fixtures() {}

  /** {@code perCode} real notes (id, text, code) of the first {@code codes} codes, ids PREFIX-code-i. */
  static Dataset<Row> real(String prefix, int codes, int perCode) {
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < codes; c++) {
      for (int i = 0; i < perCode; i++) {
        rows.add(RowFactory.create(prefix + "-" + VOCABULARY[c][0] + "-" + i, variant(VOCABULARY[c][1], i),
            VOCABULARY[c][0]));
      }
    }
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("code", DataTypes.StringType);
    return TestSpark.session().createDataFrame(rows, schema);
  }

  /** A note's wording varies with i: words rotate, one is dropped, and a shared filler word is added. */
  static String variant(String words, int i) {
    String[] w = words.split(" ");
    StringBuilder out = new StringBuilder("Жалобы:");
    for (int k = 0; k < w.length; k++) {
      if (k != i % w.length) {
        out.append(' ').append(w[(k + i) % w.length]);
      }
    }
    return out.append(i % 2 == 0 ? ", беспокоит" : ". Давно").toString();
  }

  /**
   * A notes table: {@code perCode} good notes of each of the first {@code codes} codes (example note ids given by
   * {@code example}), plus one failed note and one that failed the quality check, which must be ignored.
   */
  static Path notes(Path dir, int codes, int perCode, java.util.function.IntFunction<String> example) {
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (int c = 0; c < codes; c++) {
      for (int i = 0; i < perCode; i++) {
        rows.add(RowFactory.create("syn-" + n, VOCABULARY[c][0], VOCABULARY[c][0] + ".1",
            variant(VOCABULARY[c][1], i + 3), "ok", example.apply(n), "ru", true));
        n++;
      }
    }
    rows.add(RowFactory.create("syn-failed", "J06", null, null, "failed", null, "ru", false));
    rows.add(RowFactory.create("syn-rejected", "J06", null, "мигрень светобоязнь", "ok", null, "ru", false));
    Path path = dir.resolve("notes");
    TestSpark.session().createDataFrame(rows, NOTES).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(path.toString());
    return path;
  }
}

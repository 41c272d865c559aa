package io.medsyn.classify;

import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigLoader;
import io.medsyn.config.Range;
import io.medsyn.testing.TestSpark;
import io.medsyn.text.Words;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  private static List<String> one(String text, String sql) {
    Dataset<Row> df = TestSpark.session().createDataset(List.of(text), Encoders.STRING()).toDF("text");
    return df.select(expr(sql)).as(Encoders.STRING()).collectAsList();
  }

  private static List<String> terms(String text, String sql) {
    Dataset<Row> df = TestSpark.session().createDataset(List.of(text), Encoders.STRING()).toDF("text")
        .withColumn("words", expr("filter(split(" + TextFeatures.normalizeSql("text") + ", ' '), w -> w != '')"));
    return df.select(expr("explode(" + sql + ")")).as(Encoders.STRING()).collectAsList();
  }

  @Test
  void normalisesCaseYoAndPunctuationInRussianAndEnglish() {
    assertThat(one("Жалобы на ЁЖИСТУЮ боль, тошноту!!  (t=38.5)", TextFeatures.normalizeSql("text")))
        .containsExactly("жалобы на ежистую боль тошноту t 38 5");
    assertThat(one("Chest-pain; SHORTNESS of breath...", TextFeatures.normalizeSql("text")))
        .containsExactly("chest pain shortness of breath");
  }

  @Test
  void theSqlNormalisationIsTheProjectTokeniser() {
    List<String> texts = List.of("Ёлка, ЁЖ и ёж", "АД 120/80 мм рт.ст.", "*ДАТА* ОАК: н/в", "e-mail\tи\nтаб",
        "м² и ½ дозы", "  --  ", "x1y2 З3", "Ελληνικά и 漢字", "𝐀𝐁 math");
    for (String text : texts) {
      assertThat(one(text, TextFeatures.normalizeSql("text"))).as(text).containsExactly(Words.normalize(text));
    }
  }

  @Test
  void characterNgramsStayInsideWordsPaddedWithSpaces() {
    // scikit-learn's char_wb with ngram_range (3, 4) on "Ёж, боли": " еж " is shorter than 4, so it counts once.
    assertThat(terms("Ёж, боли", TextFeatures.charNgramsSql("words", new Range(3, 4)))).containsExactly(
        " еж", "еж ", " еж ", " бо", "бол", "оли", "ли ", " бол", "боли", "оли ");
    // A word shorter than the smallest n is one term.
    assertThat(terms("a", TextFeatures.charNgramsSql("words", new Range(4, 5)))).containsExactly(" a ");
  }

  @Test
  void wordNgramsAreMarkedAndSkipOrdersLongerThanTheNote() {
    assertThat(terms("Боль в спине", TextFeatures.wordNgramsSql("words", new Range(1, 2)))).containsExactly(
        "w=боль", "w=в", "w=спине", "w=боль в", "w=в спине");
    assertThat(terms("кашель", TextFeatures.wordNgramsSql("words", new Range(1, 3)))).containsExactly("w=кашель");
  }

  private static double[] firstVector(String idf) {
    return firstVector("SELECT array('a', 'b') AS terms UNION ALL SELECT array('a')",
        "evaluate.classifier.idf=" + idf, "evaluate.classifier.norm=joint");
  }

  private static double[] firstVector(String notesSql, String... settings) {
    ClassifierConfig config = ConfigLoader.load(null, List.of(settings)).evaluate().classifier();
    Dataset<Row> notes = TestSpark.session().sql(notesSql).coalesce(1);
    Row first = TextFeatures.fitVectors(notes, config).transform(notes).select(TextFeatures.FEATURES).first();
    return ((Vector) first.get(0)).toArray();
  }

  @Test
  void smoothIdfKeepsATermOfEveryNoteWhereSparksIdfDropsIt() {
    // Two notes; 'a' is in both, 'b' in one. Spark: idf(a) = ln(3/3) = 0, idf(b) = ln(3/2); smooth adds 1.
    assertThat(firstVector("spark")).containsExactly(new double[] {0, 1}, within(1e-12));
    double b = 1 + Math.log(1.5);
    double norm = Math.sqrt(1 + b * b);
    assertThat(firstVector("smooth")).containsExactly(new double[] {1 / norm, b / norm}, within(1e-12));
  }

  @Test
  void separateNormsGiveCharacterAndWordNgramsOneUnitNormEach() {
    // Three character n-grams and one word in the first note; the second note has none of them, so every IDF is
    // ln(3/2). Joint: four equal weights of 1/2. Separate: each character n-gram 1/√3, the word 1.
    String notes = "SELECT array('ab', 'bc', 'cd', 'w=abcd') AS terms UNION ALL SELECT array('x', 'w=x')";
    // The vocabulary orders terms of equal frequency arbitrarily, so the weights are compared sorted.
    assertThat(sorted(firstVector(notes, "evaluate.classifier.norm=joint"))).containsExactly(
        new double[] {0, 0, 0.5, 0.5, 0.5, 0.5}, within(1e-12));
    double third = 1 / Math.sqrt(3);
    double[] separate = {0, 0, third, third, third, 1};
    assertThat(sorted(firstVector(notes, "evaluate.classifier.norm=separate"))).containsExactly(separate,
        within(1e-12));
    assertThat(sorted(firstVector(notes, "evaluate.classifier.norm=separate", "evaluate.classifier.idf=smooth")))
        .containsExactly(separate, within(1e-12));
  }

  private static double[] sorted(double[] values) {
    return java.util.Arrays.stream(values).sorted().toArray();
  }
}

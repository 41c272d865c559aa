package io.medsyn.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.RealismConfig;
import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The realism figures on complaints written for the purpose: two from one writer, and a stock template. */
class RealismTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final List<String> COMPLAINTS = List.of("головная боль", "боль в горле", "насморк", "сухой кашель",
      "температура 38", "слабость", "тошнота по утрам", "изжога", "боль в спине", "одышка при ходьбе",
      "головокружение", "сыпь на руках", "зуд", "боль в животе", "жидкий стул", "заложенность носа");
  /** Three folds of 20 + 20 notes: small, and enough to tell a template from a patient. */
  private static final RealismConfig CONFIG = new RealismConfig(60, 3);

  @Test
  void notesFromTheSameWriterCannotBeToldApartAndATemplateCan() {
    Dataset<Row> real = notes(60, new Random(1), RealismTest::terse);
    Realism same = Realism.measure(notes(60, new Random(2), RealismTest::terse), real, CONFIG, 5, 7)
        .orElseThrow();
    assertThat(same.discriminatorNotes()).isEqualTo(120);
    assertThat(same.discriminatorAuc()).isCloseTo(0.5, within(0.15));
    assertThat(same.vocabularyCoverage()).as("every complaint word is in both").isEqualTo(1.0);

    Realism template = Realism.measure(notes(60, new Random(2), RealismTest::stock), real, CONFIG, 5, 7)
        .orElseThrow();
    assertThat(template.discriminatorAuc()).isGreaterThan(0.99);
    assertThat(template.medianLengthRatio()).isGreaterThan(2.0);
    assertThat(template.lengthKs()).isEqualTo(1.0);
    assertThat(template.realNotes()).isEqualTo(60);
  }

  @Test
  void theDiscriminatorSeesPunctuationAndYoThatTheClassifierFoldsAway() {
    Dataset<Row> real = notes(60, new Random(1), RealismTest::terse);
    // The same complaints, words and lengths; only the separators (or ё for е) differ.
    Realism semicolons = Realism.measure(notes(60, new Random(2), r -> terse(r).replace(", ", "; ")), real, CONFIG,
        5, 7).orElseThrow();
    assertThat(semicolons.discriminatorAuc()).isGreaterThan(0.99);
    assertThat(semicolons.vocabularyCoverage()).isEqualTo(1.0);
    Realism yo = Realism.measure(notes(60, new Random(2), r -> terse(r).replace("е", "ё")), real, CONFIG, 5, 7)
        .orElseThrow();
    assertThat(yo.discriminatorAuc()).isGreaterThan(0.95);
  }

  @Test
  void tooFewNotesForTheFoldsGiveNoAuc() {
    Realism few = Realism.measure(notes(5, new Random(2), RealismTest::terse), notes(60, new Random(1),
        RealismTest::terse), CONFIG, 5, 7).orElseThrow();
    assertThat(few.discriminatorAuc()).isNull();
    assertThat(few.discriminatorNotes()).isZero();
    assertThat(Realism.measure(notes(0, new Random(2), RealismTest::terse), notes(5, new Random(1),
        RealismTest::terse), CONFIG, 5, 7)).isEmpty();
  }

  @Test
  void lengthDistanceComparesMediansAndCumulativeDistributions() {
    // Real 10, 20, 30; synthetic 20, 40, 60, 80: medians 20 and 50; after 30 the real CDF is 1, the synthetic 1/4.
    LengthDistance d = LengthDistance.of(Map.of(10, 1L, 20, 1L, 30, 1L), Map.of(20, 1L, 40, 1L, 60, 1L, 80, 1L));
    assertThat(d.realMedian()).isEqualTo(20.0);
    assertThat(d.syntheticMedian()).isEqualTo(50.0);
    assertThat(d.medianRatio()).isEqualTo(2.5);
    assertThat(d.ks()).isCloseTo(0.75, within(1e-12));
    assertThat(LengthDistance.of(Map.of(7, 3L), Map.of(7, 5L)).ks()).isZero();
  }

  @Test
  void vocabularyCoverageCountsTheFormsOfAtLeastTwoRealNotes() {
    Dataset<Row> real = texts("Боль в горле.", "Боль в спине, слабость.", "Слабость и сухой кашель.",
        "Кашель!");
    // боль, в, слабость, кашель are in two real notes each; горле, спине, и, сухой in one.
    VocabularyCoverage coverage = VocabularyCoverage.of(WordForms.notesPerForm(real),
        WordForms.notesPerForm(texts("Ноющая БОЛЬ в животе.", "Рвота")));
    assertThat(coverage.realForms()).isEqualTo(4);
    assertThat(coverage.covered()).isEqualTo(2);
    assertThat(coverage.share()).isEqualTo(0.5);
  }

  @Test
  void tellsNameTheWordsWhoseShareOfNotesDiffersMostButNoWordOfFewerThanKRealNotes() {
    // "до" is in 6 of 10 real notes, "боли" in 4, "кровохарканье" in 3, every other real word in 1 or 2.
    Dataset<Row> real = texts("Боли в спине, температура до 38", "Боли в горле до утра", "Температура до 39",
        "Боли до локтя", "Кашель до рвоты", "Отеки до колен", "Кровохарканье", "Кровохарканье, слабость",
        "Кровохарканье и боли", "Слабость");
    Dataset<Row> synthetic = texts("Боль в спине. Кома.", "Боль, кровохарканье", "Боль и слабость", "Боль");
    // k = 5: only "до" of the real words may be named, and the words no real note has.
    assertThat(tells(real, synthetic, 5)).containsExactly(new WordTell("боль", 0.0, 1.0),
        new WordTell("кома", 0.0, 0.25), new WordTell("до", 0.6, 0.0));
    assertThat(tells(real, synthetic, 3)).containsExactly(new WordTell("боль", 0.0, 1.0),
        new WordTell("кома", 0.0, 0.25), new WordTell("до", 0.6, 0.0), new WordTell("боли", 0.4, 0.0),
        new WordTell("кровохарканье", 0.3, 0.25));
    assertThat(tells(real, texts(), 5)).isEmpty();
  }

  private static List<WordTell> tells(Dataset<Row> real, Dataset<Row> synthetic, int minRealNotes) {
    return WordTell.of(WordForms.notesPerForm(real), real.count(), WordForms.notesPerForm(synthetic),
        synthetic.count(), minRealNotes);
  }

  /** Two to four complaints, as a patient lists them. */
  private static String terse(Random random) {
    List<String> picked = new ArrayList<>(COMPLAINTS);
    java.util.Collections.shuffle(picked, random);
    String text = String.join(", ", picked.subList(0, 2 + random.nextInt(3)));
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  /** The same complaints in a stock template. */
  private static String stock(Random random) {
    return "Пациентка " + (20 + random.nextInt(50)) + " лет. Предъявляет жалобы на " + terse(random).toLowerCase()
        + " Анамнез: болеет " + (2 + random.nextInt(5)) + " дня. Самостоятельно не лечилась.";
  }

  private static Dataset<Row> notes(int n, Random random, Function<Random, String> writer) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      texts.add(writer.apply(random));
    }
    return texts(texts.toArray(String[]::new));
  }

  private static Dataset<Row> texts(String... texts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      rows.add(RowFactory.create("n" + i, texts[i]));
    }
    return SPARK.createDataFrame(rows, new StructType().add("id", DataTypes.StringType)
        .add("text", DataTypes.StringType));
  }
}

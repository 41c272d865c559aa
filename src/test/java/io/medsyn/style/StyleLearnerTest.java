package io.medsyn.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.StyleConfig;
import io.medsyn.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The style model learned from eight notes written for this test, with k = 3. */
class StyleLearnerTest {
  private static final int K = 3;
  /** id, code, text. */
  private static final String[][] NOTES = {
      {"n1", "J06", "Жалобы на боль в горле, заложенность носа. АД в норме."},
      {"n2", "J06", "- боль в горле - кашель. Температура в норме."},
      {"n3", "J06", "на боль в горле при глотании. Температура в норме. ОАК без изменений."},
      {"n4", "J06", "Заложенность носа. Температура в норме."},
      {"n5", "K29", "Жалобы на изжогу. Жалоб нет. АД в норме."},
      {"n6", "M54", "Боль в пояснице. Жалоб нет."},
      {"n7", "I10", "жалоб нет. АД в норме. ОАК в норме."},
      {"n8", "I10", "Головная боль по утрам с *ДАТА*"}};

  private static SparkSession spark;
  private static StyleModel model;

  @BeforeAll
  static void learn() {
    spark = TestSpark.session();
    model = new StyleLearner(new StyleConfig(null, true, K, 1000, true, K, true)).learn(notes(List.of(NOTES)),
        "notes.jsonl");
  }

  private static Dataset<Row> notes(List<String[]> notes) {
    List<Row> rows = new ArrayList<>();
    for (String[] n : notes) {
      rows.add(RowFactory.create(n[0], n[2], n[1]));
    }
    return spark.createDataFrame(rows, new StructType().add("id", "string").add("text", "string")
        .add("code", "string"));
  }

  @Test
  void aCodeClauseNeedsKNotesOfThatCode() {
    // "температура в норме": n2, n3, n4 of J06. "заложенность носа": two J06 notes. "АД в норме": three notes, but
    // of three codes, so no code's own clause.
    assertThat(model.codeClauses()).isEqualTo(Map.of("J06", Map.of("температура в норме", 3L)));
    StyleModel none = new StyleLearner(new StyleConfig(null, true, K, 1000, false, K, true)).learn(
        notes(List.of(NOTES)), "notes.jsonl");
    assertThat(none.codeClauses()).isEmpty();
    assertThat(none.phrases()).isEqualTo(model.phrases());
  }

  @Test
  void fewerNotesOfTheCodeSufficeForAClauseThatKNotesInAllContain() {
    // At 1 note of the code, "АД в норме" (n1 J06, n5 K29, n7 I10) and "жалоб нет" (n5 K29, n6 M54, n7 I10), each in
    // k = 3 notes in all, become clauses of each of their codes, counted by that code's notes; "заложенность носа",
    // in two notes, never does, however few the code's notes asked.
    StyleModel one = new StyleLearner(new StyleConfig(null, true, K, 1000, true, 1, true)).learn(
        notes(List.of(NOTES)), "notes.jsonl");
    assertThat(one.codeClauses()).isEqualTo(Map.of(
        "J06", Map.of("температура в норме", 3L, "АД в норме", 1L),
        "K29", Map.of("АД в норме", 1L, "жалоб нет", 1L),
        "M54", Map.of("жалоб нет", 1L),
        "I10", Map.of("АД в норме", 1L, "жалоб нет", 1L)));
    StyleModel two = new StyleLearner(new StyleConfig(null, true, K, 1000, true, 2, true)).learn(
        notes(List.of(NOTES)), "notes.jsonl");
    assertThat(two.codeClauses()).isEqualTo(model.codeClauses());
  }

  @Test
  void aPhraseEntersTheLexiconInExactlyKNotesAndNotInKMinusOne() {
    // "боль в горле": n1, n2, n3; "заложенность носа": n1, n4 only.
    assertThat(model.phrases()).containsEntry("боль в горле", 3L);
    assertThat(model.phrases()).doesNotContainKey("заложенность носа");
    assertThat(model.phrases().values()).allMatch(notes -> notes >= K);
  }

  @Test
  void eachTwoWordPhraseCountsTheNotesWhereItStartsAClauseOrASentenceAndEndsAClause() {
    // "в горле" ends a clause in n1 (at the comma) and n2 (at the dash), not in n3 ("при глотании" goes on); "боль в"
    // ends none of its notes, and starts a clause in n2 and n6 ("Боль в пояснице"), not after "на" in n1 and n3.
    assertThat(model.clauseEnds()).containsEntry("в горле", 2L).containsEntry("боль в", 0L);
    assertThat(model.clauseStarts()).containsEntry("боль в", 2L).containsEntry("в горле", 0L);
    // Both of those open their sentence; "АД в" opens a sentence in n1, n5 and n7.
    assertThat(model.sentenceStarts()).containsEntry("боль в", 2L).containsEntry("в горле", 0L)
        .containsEntry("АД в", 3L);
    Set<String> pairs = model.phrases().keySet().stream().filter(p -> p.split(" ").length == 2)
        .collect(Collectors.toSet());
    assertThat(model.clauseEnds().keySet()).isEqualTo(pairs);
    assertThat(model.clauseStarts().keySet()).isEqualTo(pairs);
    assertThat(model.sentenceStarts().keySet()).isEqualTo(pairs);
  }

  @Test
  void fillersAreSentencesOfManyCodesNotOfOne() {
    // "жалоб нет": K29, M54, I10; "температура в норме" is in three notes too, but all of J06: it is topical.
    assertThat(model.fillers()).containsEntry("жалоб нет", 3L).containsEntry("АД в норме", 3L)
        .doesNotContainKey("температура в норме");
    // n1, n5, n6, n7 have a filler sentence.
    assertThat(model.fillerShare()).isEqualTo(0.5);
  }

  @Test
  void shorthandIsKeptWithItsShareWhenKNotesUseIt() {
    // АД: n1, n5, n7; ОАК: n3, n7; *ДАТА*: n8.
    assertThat(model.shorthand()).containsEntry("АД", 0.375).doesNotContainKeys("ОАК", "*ДАТА*");
    assertThat(model.shorthandSentences()).containsOnlyKeys("АД в норме");
  }

  @Test
  void eachCodeKeepsItsNotesAndHowManyUseEachKeptToken() {
    // АД: n1 of J06's four notes, n5 of K29's one, n7 of I10's two; ОАК is not kept (two notes), so not per code.
    assertThat(model.codeShorthand()).isEqualTo(Map.of(
        "J06", new StyleModel.CodeShorthand(4, Map.of("АД", 1L)),
        "K29", new StyleModel.CodeShorthand(1, Map.of("АД", 1L)),
        "M54", new StyleModel.CodeShorthand(1, Map.of()),
        "I10", new StyleModel.CodeShorthand(2, Map.of("АД", 1L))));
    // With 5 notes of all notes' share added: J06 (1 + 5 · 0.375) / (4 + 5); M54 never writes АД; an unknown code
    // takes all notes' share.
    assertThat(model.shorthandShare("J06", "АД")).isCloseTo(2.875 / 9, within(1e-12));
    assertThat(model.shorthandShare("M54", "АД")).isZero();
    assertThat(model.codeUses("M54", "АД")).isFalse();
    assertThat(model.shorthandShare("E11", "АД")).isEqualTo(0.375);
    assertThat(model.codeUses("E11", "АД")).isTrue();
    StyleModel global = new StyleLearner(new StyleConfig(null, true, K, 1000, true, K, false)).learn(
        notes(List.of(NOTES)), "notes.jsonl");
    assertThat(global.codeShorthand()).isEmpty();
    assertThat(global.shorthandShare("M54", "АД")).isEqualTo(0.375);
  }

  @Test
  void registerSharesAndLengthsAreThoseOfTheNotes() {
    assertThat(model.share(Registers.BULLETS)).isEqualTo(0.125);
    // "Жалобы на ..." (n1, n5) and "жалоб нет" (n7) open with the complaints word.
    assertThat(model.share(Registers.COMPLAINTS)).isEqualTo(0.375);
    assertThat(model.share(Registers.ELLIPTIC)).isEqualTo(0.125);
    assertThat(model.share(Registers.LOWERCASE)).isEqualTo(0.375);
    assertThat(model.share(Registers.DURATION)).isEqualTo(0.125);
    assertThat(model.share(Registers.AND_JOIN)).as("no note ends a list with \"и\"").isZero();
    assertThat(model.share(Registers.SIDES)).as("no note names a body side").isZero();
    assertThat(model.sides()).isEqualTo(new StyleModel.Sides(Map.of(), 0.0));
    assertThat(model.sideRate()).isZero();
    assertThat(model.lengthQuantiles()).hasSize(21);
    assertThat(model.lengthQuantiles().get(0)).isEqualTo("Боль в пояснице. Жалоб нет.".length());
    assertThat(model.lengthQuantiles().get(20)).isEqualTo(NOTES[2][2].length());
  }

  @Test
  void provenanceNamesTheSourceAndHashesTheNotesWhateverTheirOrder() {
    assertThat(model.provenance().source()).isEqualTo("notes.jsonl");
    assertThat(model.provenance().notes()).isEqualTo(8);
    assertThat(model.provenance().minRealNotes()).isEqualTo(K);
    assertThat(model.provenance().codeClauseNotes()).isEqualTo(K);
    assertThat(model.version()).isEqualTo(StyleModel.VERSION);
    List<String[]> reversed = new ArrayList<>(List.of(NOTES));
    Collections.reverse(reversed);
    StyleConfig config = new StyleConfig(null, true, K, 1000, true, K, true);
    assertThat(new StyleLearner(config).learn(notes(reversed), "copy.jsonl").provenance().sha256())
        .isEqualTo(model.provenance().sha256()).hasSize(64);
    reversed.set(0, new String[] {"n8", "I10", "Головная боль по вечерам"});
    assertThat(new StyleLearner(config).learn(notes(reversed), "copy.jsonl").provenance().sha256())
        .isNotEqualTo(model.provenance().sha256());
  }

  @Test
  void typoRateIsTheShareOfWordUsesThatOneNoteAloneWrites() {
    // кашель: two notes; кашль: one. One use in three.
    StyleModel typos = new StyleLearner(new StyleConfig(null, true, 2, 10, true, 2, true)).learn(notes(List.of(
        new String[] {"a", "J20", "кашель, кашль"}, new String[] {"b", "J20", "кашель"})), "typos");
    assertThat(typos.typoRate()).isEqualTo(0.3333);
  }

  @Test
  void anAndJoinIsAListWhoseLastItemFollowsAnd() {
    assertThat(Registers.has(Registers.AND_JOIN, "Боль в горле, кашель и насморк.")).isTrue();
    assertThat(Registers.has(Registers.AND_JOIN, "слабость, тошнота и рвота")).isTrue();
    // "и" inside one item, or in a sentence with no list, joins nothing.
    assertThat(Registers.has(Registers.AND_JOIN, "Тошнота и рвота.")).isFalse();
    assertThat(Registers.has(Registers.AND_JOIN, "Боль, слабость. Тошнота и рвота")).isFalse();
    assertThat(Registers.has(Registers.AND_JOIN, "кашель и насморк, слабость")).isFalse();
  }

  @Test
  void aSpaceBeforeACommaIsOneAfterAWordOrANumber() {
    assertThat(Registers.has(Registers.SPACE_BEFORE_COMMA, "слабость , кашель")).isTrue();
    assertThat(Registers.has(Registers.SPACE_BEFORE_COMMA, "температура 38 ,озноб")).isTrue();
    assertThat(Registers.has(Registers.SPACE_BEFORE_COMMA, "слабость, кашель")).isFalse();
    assertThat(Registers.has(Registers.SPACE_BEFORE_COMMA, ", кашель")).isFalse();
  }

  @Test
  void aSidesFormIsLearnedBetweenTheSameTwoWordsInKNotesAndNotInKMinusOne() {
    StyleModel sides = new StyleLearner(new StyleConfig(null, true, K, 1000, true, K, true)).learn(notes(List.of(
        new String[] {"a", "M54", "Боль в правой руке, в правом т.б. суставе."},
        new String[] {"b", "M54", "Онемение в правой руке и в правом т.б. суставе."},
        new String[] {"c", "M54", "Боль в левой руке, тремор в правой руке, в правом т.б. суставе."},
        new String[] {"d", "M54", "Тремор в левой руке."},
        new String[] {"e", "M54", "Пациент правильного телосложения, слабость в руке."},
        new String[] {"f", "M54", "Пациент правильного телосложения, боль в руке."},
        new String[] {"g", "M54", "Пациент правильного телосложения."},
        new String[] {"h", "K80", "Боль в области правого подреберья."},
        new String[] {"i", "K80", "Тяжесть в области правого подреберья после еды."},
        new String[] {"j", "K80", "Горечь во рту, боль в области правого подреберья."},
        new String[] {"k", "M17", "Боль в левом коленном суставе."},
        new String[] {"l", "M17", "Хруст в левом коленном суставе."},
        new String[] {"m", "M17", "Слабость в руке по утрам."},
        new String[] {"n", "M17", "Онемение в руке."})), "sides");
    // "в правой руке": a, b, c; "в левой руке" (c, d) and "в левом коленном" (k, l) are in K - 1 notes. "т" of
    // "т.б." is a piece of an abbreviation; "правильного" is not a side.
    assertThat(sides.sides().forms()).isEqualTo(Map.of("в руке", Map.of("правой", 3L),
        "области подреберья", Map.of("правого", 3L)));
    // A side adjective: a, b, c, d, h, i, j, k, l. A learned place, with a side or without: a to f, h, i, j, m, n.
    assertThat(sides.share(Registers.SIDES)).isEqualTo(0.6429);
    assertThat(sides.sides().named()).isEqualTo(0.7857);
    assertThat(sides.sideRate()).isEqualTo(0.6429 / 0.7857);
  }

  @Test
  void fewerNotesThanKIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> new StyleLearner(new StyleConfig(null, true, 10, 10, true, 10, true)).learn(
        notes(List.of(NOTES)),
        "notes.jsonl")).hasMessageContaining("style.min_real_notes=10").hasMessageContaining("8 notes");
  }

  @Test
  void theModelSurvivesItsJsonAndAnotherVersionIsRefused() {
    byte[] json = StyleModelFile.toJson(model);
    assertThat(StyleModelFile.fromJson(json, "model.json")).isEqualTo(model);
    String older = new String(json, StandardCharsets.UTF_8).replace("\"version\" : " + StyleModel.VERSION,
        "\"version\" : 0");
    assertThatThrownBy(() -> StyleModelFile.fromJson(older.getBytes(StandardCharsets.UTF_8), "old.json"))
        .hasMessageContaining("style.path: old.json is a version 0 style model");
  }
}
